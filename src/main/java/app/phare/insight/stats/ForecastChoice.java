package app.phare.insight.stats;

/** Chosen forecast: the method if it beat the baseline in the backtest, otherwise the seasonal-naive baseline; note says which and why in plain words. */
public record ForecastChoice(Forecast forecast, Backtest backtest, boolean methodChosen, String note) {
}
