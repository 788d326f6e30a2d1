package io.akocamel.preflight;

import java.time.Instant;
import java.util.List;

/**
 * The outcome of the latest controller preflight.
 *
 * @param problems             one message per problem (setting, what the controller has, the fix); empty when passed
 * @param infraSettingProblems the SE groups and networks AviInfraSettings name that the controller lacks: reported,
 *                             not blocking (those settings are Rejected; the default placement is not affected)
 * @param checkedAt            when the check finished, null before the first one
 */
public record PreflightResult(Preflight.State state, List<String> problems, List<String> infraSettingProblems, DiscoveredFacts facts,
                              Instant checkedAt) {
    static final PreflightResult NOT_RUN = new PreflightResult(Preflight.State.NOT_RUN,
            List.of("the Avi Controller preflight has not run yet"), List.of(), DiscoveredFacts.NONE, null);

    public PreflightResult {
        problems = List.copyOf(problems);
        infraSettingProblems = List.copyOf(infraSettingProblems);
    }

    public boolean passed() {
        return state == Preflight.State.PASSED;
    }
}
