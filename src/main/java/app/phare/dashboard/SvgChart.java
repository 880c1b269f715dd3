package app.phare.dashboard;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Draws revenue over time as an SVG picture on the server: bars for months, a line for days, a y axis with round
 * ticks, and a tooltip (SVG title) on every point. Optionally anomaly markers on points (with their explanation as
 * tooltip) and a forecast after the last point (a dashed mean inside its interval band). Scales to its container
 * through its viewBox.
 */
public final class SvgChart {

    /** One point of the chart: its axis label, its tooltip label and its value. */
    public record Point(String label, String tooltip, BigDecimal value) {
    }

    /** An anomaly on the point at index: a marker with the explanation as its tooltip. */
    public record Marker(int index, String tooltip) {
    }

    /** A forecast point after the data: mean and interval. */
    public record Projected(String label, String tooltip, BigDecimal mean, BigDecimal lower, BigDecimal upper) {
    }

    private static final int WIDTH = 800, HEIGHT = 260, LEFT = 64, RIGHT = 12, TOP = 12, BOTTOM = 28;

    private SvgChart() {
    }

    public static String render(List<Point> points, boolean bars, Function<BigDecimal, String> money, Locale locale) {
        return render(points, bars, money, locale, List.of(), List.of());
    }

    public static String render(List<Point> points, boolean bars, Function<BigDecimal, String> money, Locale locale,
                                List<Marker> markers, List<Projected> forecast) {
        if (points.isEmpty()) {
            return "";
        }
        double min = Math.min(0, points.stream().mapToDouble(p -> p.value.doubleValue()).min().orElse(0));
        double max = Math.max(0, points.stream().mapToDouble(p -> p.value.doubleValue()).max().orElse(0));
        max = Math.max(max, forecast.stream().mapToDouble(p -> p.upper.doubleValue()).max().orElse(0));
        double step = niceStep((max - min) / 4);
        double lo = Math.floor(min / step) * step;
        double hi = Math.max(lo + step, Math.ceil(max / step) * step);
        double plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"Net revenue over time\" xmlns=\"http://www.w3.org/2000/svg\">");
        NumberFormat axis = NumberFormat.getCompactNumberInstance(locale, NumberFormat.Style.SHORT);
        axis.setMaximumFractionDigits(1);
        for (double v = lo; v <= hi + step / 2; v += step) {
            double y = TOP + plotH - (v - lo) / (hi - lo) * plotH;
            svg.append(String.format(Locale.ROOT, "<line class=\"grid\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", LEFT, WIDTH - RIGHT, y, y));
            svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT - 6, y + 4, escape(axis.format(v))));
        }
        int n = points.size() + forecast.size();
        double slot = plotW / n;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 8.0));
        StringBuilder line = new StringBuilder();
        double zeroY = TOP + plotH - (0 - lo) / (hi - lo) * plotH;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            double cx = LEFT + slot * i + slot / 2;
            double y = TOP + plotH - (p.value.doubleValue() - lo) / (hi - lo) * plotH;
            String title = "<title>" + escape(p.tooltip + ": " + money.apply(p.value)) + "</title>";
            if (bars) {
                double w = Math.max(1, slot * 0.7);
                svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\">%s</rect>",
                        cx - w / 2, Math.min(y, zeroY), w, Math.abs(zeroY - y), title));
            } else {
                line.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", cx, y));
                svg.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\">%s</circle>",
                        cx, y, n > 60 ? "1.5" : "3", title));
            }
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        cx, HEIGHT - 8, escape(p.label)));
            }
        }
        if (!bars) {
            double firstX = LEFT + slot / 2, lastX = LEFT + slot * (points.size() - 1) + slot / 2;
            svg.append("<path class=\"area\" d=\"").append(line)
                    .append(String.format(Locale.ROOT, "L%.1f %.1f L%.1f %.1f Z\"/>", lastX, zeroY, firstX, zeroY));
            svg.append("<path class=\"line\" d=\"").append(line).append("\"/>");
        }
        projected(svg, forecast, points.size(), slot, lo, hi, plotH, labelEvery, money);
        for (Marker m : markers) {
            if (m.index() < 0 || m.index() >= points.size()) {
                continue;
            }
            double cx = LEFT + slot * m.index() + slot / 2;
            double y = TOP + plotH - (points.get(m.index()).value.doubleValue() - lo) / (hi - lo) * plotH;
            svg.append(String.format(Locale.ROOT, "<g class=\"anomaly\" data-index=\"%d\"><title>%s</title>"
                    + "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\"/><text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">!</text></g>",
                    m.index(), escape(m.tooltip()), cx, y, cx, y + 4));
        }
        return svg.append("</svg>").toString();
    }

    private static void projected(StringBuilder svg, List<Projected> forecast, int offset, double slot, double lo, double hi,
                                  double plotH, int labelEvery, Function<BigDecimal, String> money) {
        if (forecast.isEmpty()) {
            return;
        }
        StringBuilder upper = new StringBuilder(), lower = new StringBuilder(), mean = new StringBuilder();
        svg.append("<g class=\"forecast\">");
        for (int j = 0; j < forecast.size(); j++) {
            Projected p = forecast.get(j);
            int i = offset + j;
            double cx = LEFT + slot * i + slot / 2;
            double yu = TOP + plotH - (p.upper.doubleValue() - lo) / (hi - lo) * plotH;
            double yl = TOP + plotH - (p.lower.doubleValue() - lo) / (hi - lo) * plotH;
            double ym = TOP + plotH - (p.mean.doubleValue() - lo) / (hi - lo) * plotH;
            upper.append(j == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", cx, yu));
            lower.insert(0, String.format(Locale.ROOT, "L%.1f %.1f ", cx, yl));
            mean.append(j == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", cx, ym));
            svg.append(String.format(Locale.ROOT, "<rect class=\"hit\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>",
                    cx - slot / 2, TOP, slot, plotH, escape(p.tooltip + ": forecast " + money.apply(p.mean) + " (80 % interval "
                            + money.apply(p.lower) + " – " + money.apply(p.upper) + ")")));
            if (i % labelEvery == 0) {
                svg.append(String.format(Locale.ROOT, "<text class=\"axis\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                        cx, HEIGHT - 8, escape(p.label)));
            }
        }
        svg.append("<path class=\"band\" d=\"").append(upper).append(lower).append("Z\"/>");
        svg.append("<path class=\"mean\" d=\"").append(mean).append("\"/></g>");
    }

    static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
