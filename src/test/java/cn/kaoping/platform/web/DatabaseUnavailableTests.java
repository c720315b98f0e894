package cn.kaoping.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

/** Which failures the 503 page answers: the database gone, however Spring wraps it; never the user's own mistake. */
class DatabaseUnavailableTests {

    @Test
    void aRollbackThatFailsAfterTheQueryLostTheConnectionIsStillTheDatabaseGone() {
        // seen in CI: the query's I/O error, then Hikari's "Connection is closed" (no SQLState) on the rollback
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataAccessResourceFailureException(
                "An I/O error occurred while sending to the backend.", new SQLException("I/O error", "08006")));
        assertThat(DatabaseUnavailable.isUnavailable(rollback)).isTrue();
    }

    @Test
    void aFailedRollbackAfterTheUsersMistakeIsNotAnOutage() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate", "23505")));
        assertThat(DatabaseUnavailable.isUnavailable(rollback)).isFalse();
    }

    @Test
    void aConnectionStateOrAdministratorShutdownIsAnOutage() {
        assertThat(DatabaseUnavailable.isUnavailable(new RuntimeException(new SQLException("gone", "08003")))).isTrue();
        assertThat(DatabaseUnavailable.isUnavailable(new SQLException("terminating", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.isUnavailable(new IllegalArgumentException("bad"))).isFalse();
    }
}
