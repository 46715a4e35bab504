-- KEYS[1] the order's transaction hash, KEYS[2] the order index (same hash slot).
-- Returns {referenceNumber that paid the order or nil, session id or nil}.
return { redis.call('HGET', KEYS[1], 'referenceNumber'), redis.call('GET', KEYS[2]) }
