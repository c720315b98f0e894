package cn.kaoping.account.internal;

import cn.kaoping.account.AccountSettings;
import cn.kaoping.organisation.OrganisationDirectory;
import cn.kaoping.shared.Role;
import java.security.SecureRandom;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the administrator {@code admin} on first start: with {@code KAOPING_ADMIN_PASSWORD}, or with a
 * generated password printed once to the log. There is no default password. Runs after the demo city so the
 * administrator can be bound to the city; on an empty registry it creates the city node 本市 first.
 */
@Component
@Order(20)
class FirstAdministrator implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final Accounts accounts;
    private final AccountSettings settings;
    private final OrganisationDirectory directory;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    FirstAdministrator(Accounts accounts, AccountSettings settings, OrganisationDirectory directory, JdbcClient jdbc,
                       TransactionTemplate tx) {
        this.accounts = accounts;
        this.settings = settings;
        this.directory = directory;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", 0x61646d696eL).query().singleRow();
            if (accounts.anyAdministrator()) {
                return;
            }
            String password = settings.adminPassword();
            boolean generated = password == null || password.isBlank();
            if (generated) {
                password = generate();
            } else {
                PasswordPolicy.problem("admin", password).ifPresent(problem -> {
                    throw new IllegalStateException("KAOPING_ADMIN_PASSWORD 不符合密码规则：" + problem);
                });
            }
            long city = directory.ensureCity().id();
            accounts.insert(new UserForm("admin", "系统管理员", Role.SYSTEM_ADMIN, city, null, null, password));
            if (generated) {
                log.warn("\n\n  首位管理员 admin 的初始密码（仅显示这一次）/ first administrator 'admin', password: "
                        + password + "\n");
            }
        });
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.append(random.nextInt(10)).toString();
    }
}
