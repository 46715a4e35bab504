-- KEYS[1] the failure counter of a client address, ARGV[1] the window in milliseconds.
-- The window starts with the first failure; the counter expires with it.
local failures = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
return failures
