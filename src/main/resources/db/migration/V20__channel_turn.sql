-- Claims walk the free channels in the order their dispatchers let go of them (a released lease ends at its release
-- time), so a claim stops at the first channels with a due publication instead of reading every channel's.
CREATE INDEX ix_channel_turn ON channel (dispatch_lease_until);
