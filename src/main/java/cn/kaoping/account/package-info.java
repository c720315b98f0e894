/**
 * Users, roles and sign-in: form login for the screens, bearer tokens for the API, lock-out after repeated
 * failures, the first administrator and the demo users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and sign-in")
package cn.kaoping.account;
