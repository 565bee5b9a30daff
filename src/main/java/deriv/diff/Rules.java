package deriv.diff;

import java.util.Locale;

/** Words for rule names: {@code ChainRule} is "chain rule", {@code CollectLikeTerms} "collect like terms". */
public final class Rules {
    private Rules() {}

    public static String describe(String rule) {
        return rule.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
    }
}
