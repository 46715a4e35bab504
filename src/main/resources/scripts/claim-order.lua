-- Redis Cluster, step 2 of recording a payment, in the order's hash slot.
-- KEYS[1] the order's transaction hash, KEYS[2] the order's published marker.
-- ARGV[1] the publish lease in milliseconds, then field/value pairs starting with referenceNumber.
-- The marker holds 'pending' (with the lease as expiry) until the stream entry's id replaces it.
local lease, reference = ARGV[1], ARGV[3]

local paidWith = redis.call('HGET', KEYS[1], 'referenceNumber')
if paidWith then
  if paidWith ~= reference then
    return 'ORDER_ALREADY_PAID'
  end
  -- no marker: whoever recorded it died before publishing and its lease ran out
  if redis.call('SET', KEYS[2], 'pending', 'NX', 'PX', lease) then
    return 'REPAIR'
  end
  return 'REPLAYED'
end

redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('SET', KEYS[2], 'pending', 'PX', lease)
return 'RECORDED'
