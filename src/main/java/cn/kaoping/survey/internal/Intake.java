package cn.kaoping.survey.internal;

import cn.kaoping.platform.guard.ClientGuard;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Accepts responses, from owners on the web and from staff keying paper forms. An accepted response is committed
 * before the caller is told so. One response per household whatever the channel: the primary key of
 * {@code survey_answered} decides, so two instances racing for one household cannot both win; an identical retry
 * (same code, same answers) gets the original acknowledgement back.
 */
@Service
public class Intake {

    private final JdbcClient jdbc;
    private final ClientGuard guard;
    private final ClientGuard.Policy policy;
    private final Questionnaires questionnaires;
    private final Clock clock;

    Intake(JdbcClient jdbc, ClientGuard guard, SurveySettings settings, Questionnaires questionnaires, Clock clock) {
        this.jdbc = jdbc;
        this.guard = guard;
        this.policy = new ClientGuard.Policy(settings.maxWrongCodes(), settings.window(), settings.lockout());
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    public enum Status {
        ACCEPTED, REPEATED, UNKNOWN_LINK, NOT_STARTED, ENDED, CLOSED, LOCKED, MISSING_ANSWERS, BAD_CODE,
        ROOM_MISMATCH, ALREADY_ANSWERED, NOW_LOCKED
    }

    /**
     * @param acknowledgedAt when the response was committed (for a retry: the original time)
     * @param missing        titles of unanswered questions
     */
    public record Outcome(Status status, Instant acknowledgedAt, List<String> missing) {
        static Outcome of(Status status) {
            return new Outcome(status, null, List.of());
        }

        public boolean accepted() {
            return status == Status.ACCEPTED || status == Status.REPEATED;
        }
    }

    record Target(long surveyId, long estateId, byte[] salt, Questionnaire questionnaire) {
    }

    /** The survey behind an estate link, as the owner's page shows it. */
    public record OwnerSurvey(long surveyId, long estateId, String title, String estateName,
                              Questionnaire questionnaire, Phase phase, LocalDate startsOn, LocalDate endsOn,
                              byte[] salt) {
    }

    /**
     * The survey behind an estate link. Cached for a few seconds (a link shared in a WeChat group is opened by many
     * owners at once); whether the survey still takes responses is decided in the accepting transaction, not here.
     */
    public Optional<OwnerSurvey> find(String linkKey) {
        if (linkKey == null || linkKey.length() > 64) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached cached = cache.get(linkKey);
        if (cached != null && now - cached.loadedAt() < CACHE_NANOS) {
            return cached.survey().map(this::withPhaseToday);
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        Optional<OwnerSurvey> loaded = load(linkKey);
        cache.put(linkKey, new Cached(loaded, now));
        return loaded;
    }

    /** Drops the cached survey of a link, e.g. when intake found it closed. */
    public void forget(String linkKey) {
        if (linkKey != null) {
            cache.remove(linkKey);
        }
    }

    private static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> cache =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Cached(Optional<OwnerSurvey> survey, long loadedAt) {
    }

    private OwnerSurvey withPhaseToday(OwnerSurvey s) {
        Phase phase = s.phase() == Phase.CLOSED ? Phase.CLOSED
                : Phase.of("OPEN", s.startsOn(), s.endsOn(), LocalDate.now(clock));
        return phase == s.phase() ? s : new OwnerSurvey(s.surveyId(), s.estateId(), s.title(), s.estateName(),
                s.questionnaire(), phase, s.startsOn(), s.endsOn(), s.salt());
    }

    private Optional<OwnerSurvey> load(String linkKey) {
        LocalDate today = LocalDate.now(clock);
        return jdbc.sql("""
                SELECT s.id, s.title, s.questionnaire, s.status, s.starts_on, s.ends_on, s.salt, se.estate_id,
                       se.estate_name AS name
                FROM survey_estate se JOIN survey s ON s.id = se.survey_id
                WHERE se.link_key = :k""")
                .param("k", linkKey)
                .query((rs, i) -> {
                    LocalDate starts = rs.getObject("starts_on", LocalDate.class);
                    LocalDate ends = rs.getObject("ends_on", LocalDate.class);
                    return new OwnerSurvey(rs.getLong("id"), rs.getLong("estate_id"), rs.getString("title"),
                            rs.getString("name"), questionnaires.get(rs.getString("questionnaire")),
                            Phase.of(rs.getString("status"), starts, ends, today), starts, ends, rs.getBytes("salt"));
                })
                .optional();
    }

    /** An owner submits the form of the estate link. */
    public Outcome submit(OwnerSurvey survey, String code, String building, String unit, String room,
                          Map<String, String> answers, Channel channel, String clientAddress) {
        switch (survey.phase()) {
            case NOT_STARTED -> {
                return Outcome.of(Status.NOT_STARTED);
            }
            case ENDED -> {
                return Outcome.of(Status.ENDED);
            }
            case CLOSED -> {
                return Outcome.of(Status.CLOSED);
            }
            default -> {
            }
        }
        Target target = new Target(survey.surveyId(), survey.estateId(), survey.salt(), survey.questionnaire());
        Checked checked = check(target, code, answers);
        if (checked.refusal() != null && checked.refusal().status() == Status.MISSING_ANSWERS) {
            return checked.refusal();
        }
        String guardKey = ClientGuard.key(clientAddress, Long.toString(survey.surveyId()));
        Lookup found = lookup(target, checked, guardKey);
        if (guard.locked(found.lockedUntil())) {
            return Outcome.of(Status.LOCKED);
        }
        byte[] client = Codes.clientHash(survey.salt(), clientAddress == null ? "" : clientAddress);
        Outcome outcome = checked.refusal() != null ? checked.refusal()
                : store(target, checked, found, building, unit, room, channel, client, null);
        if ((outcome.status() == Status.BAD_CODE || outcome.status() == Status.ROOM_MISMATCH)
                && guard.fail(guardKey, policy)) {
            return Outcome.of(Status.NOW_LOCKED);
        }
        return outcome;
    }

    /** Answers and code as typed, checked without the database. */
    private record Checked(Outcome refusal, String code, Map<String, String> answers, byte[] digest) {
    }

    private static Checked check(Target t, String typedCode, Map<String, String> typedAnswers) {
        Questionnaire q = t.questionnaire();
        List<Questionnaire.Question> missing = q.missing(typedAnswers);
        if (!missing.isEmpty()) {
            return new Checked(new Outcome(Status.MISSING_ANSWERS, null,
                    missing.stream().map(Questionnaire.Question::title).toList()), null, null, null);
        }
        Optional<String> normalized = Codes.normalize(typedCode);
        if (normalized.isEmpty()) {
            return new Checked(Outcome.of(Status.BAD_CODE), null, null, null);
        }
        Map<String, String> answers = q.canonical(typedAnswers);
        return new Checked(null, normalized.get(), answers,
                Codes.retryDigest(t.salt(), normalized.get(), answers));
    }

    /** The one way a response gets in, whatever the channel. */
    Outcome accept(Target t, String typedCode, String building, String unit, String room,
                   Map<String, String> typedAnswers, Channel channel, byte[] clientHash, String keyedBy) {
        Checked checked = check(t, typedCode, typedAnswers);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        return store(t, checked, lookup(t, checked, null), building, unit, room, channel, clientHash, keyedBy);
    }

    /**
     * What intake needs to know before storing, read in one statement: the client's lock-out, whether the estate
     * still takes responses (read again under a lock when storing), and the household holding the code.
     */
    private record Lookup(Timestamp lockedUntil, boolean accepting, Household household) {
    }

    private Lookup lookup(Target t, Checked checked, String guardKey) {
        return jdbc.sql("""
                SELECT (SELECT locked_until FROM client_guard WHERE client_key = :k) AS locked_until,
                       (SELECT accepting FROM survey_estate WHERE survey_id = :s AND estate_id = :e) AS accepting,
                       h.household_id, h.estate_id, h.building, h.unit, h.room
                FROM (SELECT 1) AS one
                LEFT JOIN survey_household h ON h.survey_id = :s AND h.code_hash = :hash""")
                .param("k", guardKey).param("s", t.surveyId()).param("e", t.estateId())
                .param("hash", checked.code() == null ? null : Codes.hash(t.salt(), checked.code()))
                .query((rs, i) -> new Lookup(rs.getTimestamp("locked_until"), rs.getBoolean("accepting"),
                        rs.getObject("household_id") == null ? null : new Household(rs.getLong("household_id"),
                                rs.getLong("estate_id"), rs.getString("building"), rs.getString("unit"),
                                rs.getString("room"))))
                .single();
    }

    /**
     * Stores a response in one statement, which commits before it returns (no transaction is open around it). Its
     * first step takes the estate row FOR SHARE only while it still accepts responses, so a close waits for the
     * statement, and a statement after the close stores nothing. "Household answered" and the answers go in
     * together or not at all; the primary key of {@code survey_answered} decides between racing channels.
     */
    private Outcome store(Target t, Checked checked, Lookup found, String building, String unit, String room,
                          Channel channel, byte[] clientHash, String keyedBy) {
        if (!found.accepting()) {
            return Outcome.of(Status.CLOSED);
        }
        Household h = found.household();
        if (h == null || h.estateId() != t.estateId()) {
            return Outcome.of(Status.BAD_CODE);
        }
        if (!h.isNamedBy(building, unit, room)) {
            return Outcome.of(Status.ROOM_MISMATCH);
        }
        Questionnaire q = t.questionnaire();
        Map<String, String> answers = checked.answers();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        int[] result = jdbc.sql("""
                WITH open AS (
                    SELECT 1 FROM survey_estate
                    WHERE survey_id = CAST(:s AS bigint) AND estate_id = CAST(:e AS bigint) AND accepting FOR SHARE
                ), answered AS (
                    INSERT INTO survey_answered (survey_id, household_id, estate_id, channel, answered_at,
                                                 client_hash, keyed_by, retry_digest)
                    SELECT CAST(:s AS bigint), CAST(:h AS bigint), CAST(:e AS bigint), CAST(:channel AS text),
                           CAST(:at AS timestamptz), CAST(:client AS bytea), CAST(:by AS text),
                           CAST(:digest AS bytea)
                    FROM open
                    ON CONFLICT (survey_id, household_id) DO NOTHING
                    RETURNING 1
                ), response AS (
                    INSERT INTO survey_response (id, survey_id, estate_id, channel, received_on, answers, score,
                                                 key_answer, void_key)
                    SELECT CAST(:id AS uuid), CAST(:s AS bigint), CAST(:e AS bigint), CAST(:channel AS text),
                           CAST(:day AS date), CAST(:answers AS jsonb), CAST(:score AS numeric),
                           CAST(:key AS text), CAST(:void AS bytea)
                    FROM answered
                    RETURNING 1
                )
                SELECT (SELECT count(*) FROM open) AS open, (SELECT count(*) FROM response) AS stored""")
                .param("s", t.surveyId()).param("h", h.id()).param("e", t.estateId())
                .param("channel", channel.name()).param("at", Timestamp.from(now)).param("client", clientHash)
                .param("by", keyedBy).param("digest", checked.digest())
                .param("id", UUID.randomUUID()).param("day", LocalDate.ofInstant(now, clock.getZone()))
                .param("answers", Json.write(answers)).param("score", q.score(answers))
                .param("key", q.keyAnswer(answers)).param("void", Codes.voidKey(t.salt(), checked.code()))
                .query((rs, i) -> new int[] {rs.getInt("open"), rs.getInt("stored")})
                .single();
        if (result[0] == 0) {
            return Outcome.of(Status.CLOSED);
        }
        if (result[1] == 1) {
            return new Outcome(Status.ACCEPTED, now, List.of());
        }
        // the household had answered already (perhaps a moment ago, on another channel): a retry or a second try
        return jdbc.sql("SELECT answered_at, retry_digest FROM survey_answered WHERE survey_id = :s AND household_id = :h")
                .param("s", t.surveyId()).param("h", h.id())
                .query((rs, i) -> Arrays.equals(rs.getBytes("retry_digest"), checked.digest())
                        ? new Outcome(Status.REPEATED, rs.getTimestamp("answered_at").toInstant(), List.of())
                        : Outcome.of(Status.ALREADY_ANSWERED))
                .single();
    }
}
