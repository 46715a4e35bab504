-- Redis Cluster, step 1 of recording a payment. KEYS[1] the reference number key, ARGV[1] the order.
-- CLAIMED: the reference is now this order's; OURS: it already was; USED: another order has it.
local owner = redis.call('GET', KEYS[1])
if not owner then
  redis.call('SET', KEYS[1], ARGV[1])
  return 'CLAIMED'
end
if owner == ARGV[1] then
  return 'OURS'
end
return 'USED'
