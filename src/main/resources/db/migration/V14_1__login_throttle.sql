-- Failed sign-ins per client address (issue 17): a throttle in front of the per-account lock-out, kept here so that
-- every instance behind the load balancer counts the same failures. Numbered 14.1 to leave 14 to the durability work.
CREATE TABLE login_throttle (
    client_address TEXT        PRIMARY KEY,
    failures       INT         NOT NULL,
    window_started TIMESTAMPTZ NOT NULL,
    blocked_until  TIMESTAMPTZ
);
