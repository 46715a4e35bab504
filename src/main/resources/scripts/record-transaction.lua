-- Records a payment exactly once, in one step: where every key may be touched by one script
-- (a standalone or Sentinel-managed Redis).
-- KEYS[1] the order's transaction hash, KEYS[2] the reference number key, KEYS[3] the transaction
-- stream, KEYS[4] the order's published marker.
-- ARGV[1] the publish lease in milliseconds, then field/value pairs starting with referenceNumber
-- and orderNumber.
local lease, reference, order = ARGV[1], ARGV[3], ARGV[5]

local paidWith = redis.call('HGET', KEYS[1], 'referenceNumber')
if paidWith then
  if paidWith ~= reference then
    return 'ORDER_ALREADY_PAID'
  end
  -- recorded but never published (see claim-order.lua): the caller publishes it under this lease
  if redis.call('SET', KEYS[4], 'pending', 'NX', 'PX', lease) then
    return 'REPAIR'
  end
  return 'REPLAYED'
end

local owner = redis.call('GET', KEYS[2])
if owner and owner ~= order then
  return 'REFERENCE_ALREADY_USED'
end

redis.call('HSET', KEYS[1], unpack(ARGV, 2))
redis.call('SET', KEYS[2], order)
redis.call('SET', KEYS[4], redis.call('XADD', KEYS[3], '*', unpack(ARGV, 2)))
return 'RECORDED'
