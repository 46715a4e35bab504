-- KEYS[1] the order's transaction hash, KEYS[2] the order index, KEYS[3] the order's published
-- marker (all in the order's hash slot).
-- Returns {referenceNumber that paid the order or nil, session id or nil, '1' if published else '0'}.
local published = redis.call('EXISTS', KEYS[3]) == 1 and '1' or '0'
return { redis.call('HGET', KEYS[1], 'referenceNumber'), redis.call('GET', KEYS[2]), published }
