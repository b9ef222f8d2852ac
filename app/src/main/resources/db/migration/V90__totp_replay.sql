-- The 30-second step of the last TOTP code accepted at sign-in, per user: a code is good once.
alter table app_user add column totp_last_step bigint;
