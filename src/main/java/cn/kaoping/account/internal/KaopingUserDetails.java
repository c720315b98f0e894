package cn.kaoping.account.internal;

import cn.kaoping.shared.CurrentUser.PrincipalHolder;
import cn.kaoping.shared.KaopingPrincipal;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user as Spring Security sees it, carrying the principal every module reads its scope from. */
record KaopingUserDetails(KaopingPrincipal principal, String password, boolean enabled, boolean locked)
        implements UserDetails, PrincipalHolder, Serializable {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(principal.role().authority()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return principal.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The copy kept in the session: no password hash. */
    KaopingUserDetails withoutPassword() {
        return new KaopingUserDetails(principal, null, enabled, locked);
    }
}
