package cn.kaoping.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kaoping.support.IntegrationTest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Screens name people by their display name; a name without an account stays as it is. */
@IntegrationTest
class DisplayNamesTests {

    @Autowired
    AccountDirectory accounts;

    @Test
    void usernamesBecomeDisplayNames() {
        assertThat(accounts.displayNames(Arrays.asList("street_df", "hedong_admin", null, "nobody")))
                .containsEntry("street_df", "东风街道 物业办").containsEntry("nobody", "nobody")
                .doesNotContainValue("hedong_admin");
    }
}
