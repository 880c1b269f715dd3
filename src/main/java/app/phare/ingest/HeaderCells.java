package app.phare.ingest;

import java.util.ArrayList;
import java.util.List;

/** Finding a mapped column in a file's header, and describing a header to the person who exported it. */
final class HeaderCells {

    private HeaderCells() {
    }

    /** The positions of the column in the header: exact matches, or else matches ignoring case. */
    static List<Integer> find(List<String> header, String column) {
        List<Integer> exact = new ArrayList<>();
        List<Integer> ignoringCase = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(column)) {
                exact.add(i);
            } else if (header.get(i).equalsIgnoreCase(column)) {
                ignoringCase.add(i);
            }
        }
        return exact.isEmpty() ? ignoringCase : exact;
    }

    /** "A", "B", … "Z", "AA": the column's letter as a spreadsheet shows it. */
    static String letter(int index) {
        StringBuilder b = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            b.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return b.toString();
    }

    /** The header's columns, with blank cells and repeated names pointed out, shortened when very wide. */
    static String describe(List<String> header) {
        String found = String.join(", ", header.stream().map(h -> h.isEmpty() ? "(blank)" : h).toList());
        if (found.length() > 300) {
            found = found.substring(0, 300) + "… (" + header.size() + " columns; is the delimiter right?)";
        }
        List<String> blank = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.isEmpty()) {
                blank.add(letter(i));
            } else if (header.indexOf(h) < i && !repeated.contains("'" + h + "'")) {
                repeated.add("'" + h + "'");
            }
        }
        if (!blank.isEmpty()) {
            found += "; the header cell of column" + (blank.size() == 1 ? " " : "s ") + String.join(", ", blank) + " is blank";
        }
        if (!repeated.isEmpty()) {
            found += "; " + String.join(", ", repeated) + (repeated.size() == 1 ? " appears" : " appear") + " more than once";
        }
        return found;
    }
}
