-- SPDX-License-Identifier: MIT
-- Counts the words of the file named by the first argument, prints the
-- most frequent (how many: the TOP environment variable), and keeps the
-- whole count in /counts.txt, which it reads back to check.

local path = assert(arg[1], 'usage: wordcount FILE')
local top = tonumber(os.getenv('TOP') or '') or 10

local counts, total = {}, 0
for line in io.lines(path) do
  for word in line:lower():gmatch('%a+') do
    counts[word] = (counts[word] or 0) + 1
    total = total + 1
  end
end

local words = {}
for word in pairs(counts) do words[#words + 1] = word end
table.sort(words, function(a, b)
  if counts[a] ~= counts[b] then return counts[a] > counts[b] end
  return a < b
end)

print(('%s: %d words, %d different'):format(path, total, #words))
for i = 1, math.min(top, #words) do
  print(('%3d. %-10s %d'):format(i, words[i], counts[words[i]]))
end

local out = assert(io.open('/counts.txt', 'w'))
for _, word in ipairs(words) do out:write(word, ' ', counts[word], '\n') end
out:close()
local lines = 0
for _ in io.lines('/counts.txt') do lines = lines + 1 end
print(('kept %d counts in /counts.txt'):format(lines))
