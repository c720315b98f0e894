package cn.kaoping.streetassessment.rules;

import cn.kaoping.scheme.engine.PeerRank;
import cn.kaoping.scheme.engine.Scheme;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which rules of a street-level scheme are fed from data no one types (issue 15): the peer rank by the owner
 * survey's unsatisfactory share (Xigang 3.c), and the complaint counts (Xigang 6.3.a pushed back unhandled, 6.3.b
 * resolved by the street). A scheme names them in its settings ({@code fact-source.survey-rank},
 * {@code fact-source.complaints-pushed-back}, {@code fact-source.complaints-resolved}); without the setting, a
 * scheme's only peer-rank rule is the survey rank, and complaints are entered by a department.
 */
public record FactSources(String surveyRank, String complaintsPushedBack, String complaintsResolved) {

    public static FactSources of(Scheme scheme) {
        String rank = scheme.setting("fact-source.survey-rank").orElseGet(() -> {
            var ranks = scheme.rules().stream().filter(PeerRank.class::isInstance).toList();
            return ranks.size() == 1 ? ranks.get(0).code() : null;
        });
        return new FactSources(rank, scheme.setting("fact-source.complaints-pushed-back").orElse(null),
                scheme.setting("fact-source.complaints-resolved").orElse(null));
    }

    /** The rules filled from data: nobody records events on them. */
    public Set<String> computed() {
        return Stream.of(surveyRank, complaintsPushedBack, complaintsResolved).filter(s -> s != null)
                .collect(Collectors.toUnmodifiableSet());
    }

    public Optional<String> rank() {
        return Optional.ofNullable(surveyRank);
    }
}
