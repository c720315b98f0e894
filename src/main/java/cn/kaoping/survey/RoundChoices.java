package cn.kaoping.survey;

import java.util.List;

/**
 * The assessment rounds a survey may belong to, by name, for the survey form. The module that runs rounds
 * provides it (surveys never reach into rounds); without one the form offers no rounds.
 */
public interface RoundChoices {

    /** Rounds led under, or assessing estates under, the region path; newest period first. */
    List<RoundChoice> under(String regionPath);

    /** A round as the survey form offers it. */
    record RoundChoice(long id, String name, String period) {
    }
}
