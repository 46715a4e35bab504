-- Gives back a reference claimed for an order that turned out to be paid with another one.
-- KEYS[1] the reference number key, ARGV[1] the order that claimed it.
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
