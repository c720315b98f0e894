package cn.kaoping.account.internal;

import cn.kaoping.account.AccountSettings;
import cn.kaoping.audit.AuditLog;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.organisation.RegionRef;
import cn.kaoping.shared.ForbiddenException;
import cn.kaoping.shared.KaopingPrincipal;
import cn.kaoping.shared.Paged;
import cn.kaoping.shared.Role;
import cn.kaoping.shared.ValidationException;
import cn.kaoping.shared.ValidationException.FieldProblem;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users, their failed-login counters and lock-outs, and API tokens; all kept in PostgreSQL for every instance. */
@Service
public class Accounts implements UserDetailsService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final OrganisationDirectory directory;
    private final AccountSettings settings;
    private final Clock clock;
    private final AuditLog audit;

    Accounts(JdbcClient jdbc, PasswordEncoder encoder, OrganisationDirectory directory, AccountSettings settings,
             Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public KaopingUserDetails loadUserByUsername(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = :u").param("u", username == null ? "" : username.trim())
                .query((rs, i) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    boolean locked = lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now(clock));
                    return new KaopingUserDetails(principal(rs.getLong("id"), rs.getString("username"),
                            rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                            (Long) rs.getObject("region_id"), (Long) rs.getObject("company_id"),
                            (Long) rs.getObject("estate_id")), rs.getString("password_hash"), rs.getBoolean("enabled"),
                            locked);
                })
                .optional().orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    private KaopingPrincipal principal(long id, String username, String displayName, Role role, Long regionId,
                                       Long companyId, Long estateId) {
        String path = regionId == null ? null : directory.region(regionId).map(RegionRef::path).orElse(null);
        return new KaopingPrincipal(id, username, displayName, role, regionId, path, companyId, estateId);
    }

    /** Counts a failed sign-in; the user is locked for a while after too many in a row. */
    @Transactional
    public void recordFailure(String username) {
        jdbc.sql("""
                UPDATE app_user SET failed_attempts = failed_attempts + 1,
                       locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END
                WHERE username = :u""")
                .param("max", settings.maxFailedLogins())
                .param("until", OffsetDateTime.now(clock).plus(settings.lockout()))
                .param("u", username).update();
    }

    @Transactional
    public void recordSuccess(String username) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE username = :u AND failed_attempts > 0")
                .param("u", username).update();
    }

    public boolean anyAdministrator() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE role = 'SYSTEM_ADMIN')").query(Boolean.class)
                .single();
    }

    public boolean exists(String username) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_user WHERE username = :u)").param("u", username)
                .query(Boolean.class).single();
    }

    /** Creates a user on behalf of an administrator, checking the form, the binding and the password policy. */
    @Transactional
    public long create(KaopingPrincipal actor, UserForm form) {
        if (actor.role() != Role.SYSTEM_ADMIN) {
            throw new ForbiddenException("只有系统管理员可以创建用户");
        }
        List<FieldProblem> problems = check(form);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = insert(form);
        audit.record("CREATE", "app_user", id, "创建用户 " + form.username(), null,
                Map.of("username", form.username(), "role", form.role().name(), "displayName", form.displayName()));
        return id;
    }

    List<FieldProblem> check(UserForm form) {
        List<FieldProblem> problems = new ArrayList<>();
        PasswordPolicy.problem(form.username(), form.password())
                .ifPresent(m -> problems.add(new FieldProblem("password", m)));
        if (form.role() != null) {
            if (form.role().isRegional() && (form.regionId() == null || directory.region(form.regionId()).isEmpty())) {
                problems.add(new FieldProblem("regionId", "请选择该用户所属的区域"));
            }
            if (form.role() == Role.COMPANY_USER
                    && (form.companyId() == null || directory.companyName(form.companyId()).isEmpty())) {
                problems.add(new FieldProblem("companyId", "请选择该用户所属的物业服务企业"));
            }
            if (form.role() == Role.COMMITTEE_MEMBER
                    && (form.estateId() == null || directory.estate(form.estateId()).isEmpty())) {
                problems.add(new FieldProblem("estateId", "请填写该业委会成员所在小区的编号"));
            }
        }
        if (form.username() != null && exists(form.username())) {
            problems.add(new FieldProblem("username", "该用户名已被使用"));
        }
        return problems;
    }

    /** Inserts without the actor check: for the first administrator and the demo users. */
    long insert(UserForm form) {
        try {
            return jdbc.sql("""
                    INSERT INTO app_user (username, display_name, password_hash, role, region_id, company_id, estate_id)
                    VALUES (:u, :d, :h, :r, :region, :company, :estate) RETURNING id""")
                    .param("u", form.username()).param("d", form.displayName())
                    .param("h", encoder.encode(form.password())).param("r", form.role().name())
                    .param("region", form.role().isRegional() ? form.regionId() : null)
                    .param("company", form.role() == Role.COMPANY_USER ? form.companyId() : null)
                    .param("estate", form.role() == Role.COMMITTEE_MEMBER ? form.estateId() : null)
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw new ValidationException("username", "该用户名已被使用");
        }
    }

    @Transactional(readOnly = true)
    public Paged<UserView> list(KaopingPrincipal actor, int page, int size) {
        if (actor.role() != Role.SYSTEM_ADMIN) {
            throw new ForbiddenException("只有系统管理员可以管理用户");
        }
        long total = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
        List<UserView> rows = jdbc.sql("""
                SELECT u.*, coalesce(r.name, pc.name, e.name, '') AS scope_name
                FROM app_user u
                LEFT JOIN region r ON r.id = u.region_id
                LEFT JOIN property_company pc ON pc.id = u.company_id
                LEFT JOIN estate e ON e.id = u.estate_id
                ORDER BY u.id LIMIT :limit OFFSET :offset""")
                .param("limit", size).param("offset", (long) (page - 1) * size)
                .query((rs, i) -> {
                    OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
                    return new UserView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                            Role.valueOf(rs.getString("role")), rs.getString("scope_name"), rs.getBoolean("enabled"),
                            lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now(clock)),
                            rs.getObject("created_at", OffsetDateTime.class));
                })
                .list();
        return new Paged<>(rows, page, size, total);
    }

    /** Issues a bearer token for an authenticated user; only its SHA-256 is stored. */
    @Transactional
    public IssuedToken issueToken(KaopingPrincipal principal) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = now.plus(settings.tokenValidity());
        jdbc.sql("INSERT INTO api_token (token_hash, user_id, issued_at, expires_at) VALUES (:h, :u, :i, :e)")
                .param("h", sha256(token)).param("u", principal.userId()).param("i", now).param("e", expires).update();
        return new IssuedToken(token, expires);
    }

    /** The user a live token belongs to. */
    @Transactional(readOnly = true)
    public Optional<KaopingUserDetails> byToken(String token) {
        return jdbc.sql("""
                SELECT u.username FROM api_token t JOIN app_user u ON u.id = t.user_id
                WHERE t.token_hash = :h AND t.expires_at > :now AND u.enabled""")
                .param("h", sha256(token)).param("now", OffsetDateTime.now(clock)).query(String.class).optional()
                .map(this::loadUserByUsername)
                .filter(KaopingUserDetails::isAccountNonLocked);
    }

    @Transactional
    public int purgeExpiredTokens() {
        return jdbc.sql("DELETE FROM api_token WHERE expires_at < :now").param("now", OffsetDateTime.now(clock))
                .update();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public record IssuedToken(String token, OffsetDateTime expiresAt) {
    }
}
