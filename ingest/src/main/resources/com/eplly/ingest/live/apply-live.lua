-- Applies one chunk of live-state updates of one page-views partition, exactly once.
-- KEYS[1]: the watermark hash (Keyspace.liveApplied), KEYS[2..]: the keys to update, all in one slot.
-- ARGV: partition field, first and last offset of the chunk, the watermark's TTL (ms), then per key one operation:
--   'L' cap shortTtlMs fullTtlMs minLengthForFullTtl n item1..itemN   (LPUSH, capped, TTL)
--   'Z' cap 'A'|'T' expireAtMs|ttlMs n member1 incr1 .. memberN incrN     (ZINCRBY, capped, expiry)
--   'M' cap ttlMs n member1 time1 .. memberN timeN                          (newest time per member, capped, TTL)
-- Returns {1, keys} applied, {0, watermark} already applied, {2, watermark} partly applied (the caller
-- resends what lies after the watermark), {3, key} a key holds another type (nothing was written).
local applied = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
local first = tonumber(ARGV[2])
local last = tonumber(ARGV[3])
if applied >= last then
  return {0, tostring(applied)}
end
if applied >= first then
  return {2, tostring(applied)}
end
-- Redis does not roll back a script that fails half way, so every type is checked before any write.
local a = 5
for k = 2, #KEYS do
  local kind = ARGV[a]
  local expected
  local n
  if kind == 'L' then
    expected = 'list'
    n = tonumber(ARGV[a + 5])
    a = a + 6 + n
  elseif kind == 'M' then
    expected = 'zset'
    n = tonumber(ARGV[a + 3])
    a = a + 4 + 2 * n
  else
    expected = 'zset'
    n = tonumber(ARGV[a + 4])
    a = a + 5 + 2 * n
  end
  local actual = redis.call('TYPE', KEYS[k])['ok']
  if actual ~= 'none' and actual ~= expected then
    return {3, KEYS[k]}
  end
end
a = 5
for k = 2, #KEYS do
  local key = KEYS[k]
  local cap = tonumber(ARGV[a + 1])
  if ARGV[a] == 'L' then
    local n = tonumber(ARGV[a + 5])
    local length = redis.call('LPUSH', key, unpack(ARGV, a + 6, a + 5 + n))
    if length > cap then
      redis.call('LTRIM', key, 0, cap - 1)
      length = cap
    end
    if length >= tonumber(ARGV[a + 4]) then
      redis.call('PEXPIRE', key, ARGV[a + 3])
    else
      redis.call('PEXPIRE', key, ARGV[a + 2])
    end
    a = a + 6 + n
  elseif ARGV[a] == 'M' then
    local n = tonumber(ARGV[a + 3])
    local m = a + 4
    for i = 1, n do
      local old = redis.call('ZSCORE', key, ARGV[m])
      if not old or tonumber(old) < tonumber(ARGV[m + 1]) then
        redis.call('ZADD', key, ARGV[m + 1], ARGV[m])
      end
      m = m + 2
    end
    if redis.call('ZCARD', key) > cap then
      redis.call('ZREMRANGEBYRANK', key, 0, -(cap + 1))
    end
    redis.call('PEXPIRE', key, ARGV[a + 2])
    a = m
  else
    local n = tonumber(ARGV[a + 4])
    local m = a + 5
    for i = 1, n do
      redis.call('ZINCRBY', key, ARGV[m + 1], ARGV[m])
      m = m + 2
    end
    if redis.call('ZCARD', key) > cap then
      redis.call('ZREMRANGEBYRANK', key, 0, -(cap + 1))
    end
    if ARGV[a + 2] == 'A' then
      redis.call('PEXPIREAT', key, ARGV[a + 3])
    else
      redis.call('PEXPIRE', key, ARGV[a + 3])
    end
    a = m
  end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
-- outlives every key it guards, so a replay finds it as long as there is anything to count twice
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {1, tostring(#KEYS - 1)}
