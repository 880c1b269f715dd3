package app.phare.insight.stats;

/**
 * Backtest of the method vs the seasonal-naive baseline over the last `days` of the history (fit on what came before,
 * forecast those days, sMAPE in percent, 0..200; days where actual and forecast are both 0 count as 0 error).
 */
public record Backtest(int days, double methodSmape, double naiveSmape) {

    public boolean methodWins() {
        return methodSmape < naiveSmape;
    }
}
