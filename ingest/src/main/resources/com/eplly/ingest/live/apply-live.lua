-- Applies one chunk of live-state updates of one page-views partition, exactly once.
-- KEYS[1]: the watermark hash (Keyspace.liveApplied), KEYS[2..]: the keys to update, all in one slot.
-- ARGV: partition field, first and last offset of the chunk, the watermark's TTL (ms), then per key one operation:
--   'L' cap shortTtlMs fullTtlMs minLengthForFullTtl n item1..itemN   (LPUSH, capped, TTL)
--   'Z' cap 'A'|'T' expireAtMs|ttlMs n member1 incr1 .. memberN incrN     (ZINCRBY, capped, expiry)
--   'M' cap ttlMs n time1 member1 .. timeN memberN                          (ZADD GT: newest time per member, capped, TTL)
-- Returns {1, replaced keys...} applied (a replaced key held another type and was written afresh),
-- {0, watermark} already applied, {2, watermark} partly applied (the caller resends what lies after the watermark).
-- Each key costs its writes, one PEXPIRE and a trim only when the key grew (a set only when it gained a member):
-- the caller has already summed the chunk into one operation per key.
local applied = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
local first = tonumber(ARGV[2])
local last = tonumber(ARGV[3])
if applied >= last then
  return {0, tostring(applied)}
end
if applied >= first then
  return {2, tostring(applied)}
end
local result = {1}
-- Live state is derived data: a key of another type (a stray write) is dropped and written afresh.
-- Caught on the key's first write rather than by a TYPE before it, which would cost a command per key;
-- any other error stops the script as redis.call would.
local function write(key, ...)
  local reply = redis.pcall(...)
  if type(reply) == 'table' and reply.err then
    if string.sub(reply.err, 1, 9) ~= 'WRONGTYPE' then
      error(reply)
    end
    redis.call('DEL', key)
    result[#result + 1] = key
    reply = redis.call(...)
  end
  return reply
end
local a = 5
for k = 2, #KEYS do
  local key = KEYS[k]
  local cap = tonumber(ARGV[a + 1])
  if ARGV[a] == 'L' then
    local n = tonumber(ARGV[a + 5])
    local length = write(key, 'LPUSH', key, unpack(ARGV, a + 6, a + 5 + n))
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
    -- GT: a member's time is raised, never lowered, so a replayed older view changes nothing
    if write(key, 'ZADD', key, 'GT', unpack(ARGV, a + 4, a + 3 + 2 * n)) > 0 then
      redis.call('ZREMRANGEBYRANK', key, 0, -(cap + 1))
    end
    redis.call('PEXPIRE', key, ARGV[a + 2])
    a = a + 4 + 2 * n
  else
    local n = tonumber(ARGV[a + 4])
    local m = a + 5
    local grew = false
    for i = 1, n do
      -- amounts are positive, so a count equal to its increment is a new member
      if tonumber(write(key, 'ZINCRBY', key, ARGV[m + 1], ARGV[m])) == tonumber(ARGV[m + 1]) then
        grew = true
      end
      m = m + 2
    end
    if grew then
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
return result
