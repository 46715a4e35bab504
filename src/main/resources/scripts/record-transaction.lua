-- Records a payment exactly once.
-- KEYS[1] the order's transaction hash, KEYS[2] the reference number key, KEYS[3] the transaction stream.
-- ARGV field/value pairs, starting with referenceNumber and orderNumber.
local reference, order = ARGV[2], ARGV[4]

local paidWith = redis.call('HGET', KEYS[1], 'referenceNumber')
if paidWith then
  if paidWith == reference then
    return 'REPLAYED'
  end
  return 'ORDER_ALREADY_PAID'
end

local owner = redis.call('GET', KEYS[2])
if owner and owner ~= order then
  return 'REFERENCE_ALREADY_USED'
end

redis.call('HSET', KEYS[1], unpack(ARGV))
redis.call('SET', KEYS[2], order)
redis.call('XADD', KEYS[3], '*', unpack(ARGV))
return 'RECORDED'
