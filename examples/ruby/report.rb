# SPDX-License-Identifier: MIT
# Counts the words of the texts named on the command line, writes the
# counts to a file, and prints the most common ones.
top = 5
counts = Hash.new(0)
ARGV.each do |path|
  File.open(path) do |io|
    while (line = io.gets)
      line.downcase.split.each do |word|
        word = word.delete('.,;:!?"()')
        counts[word] += 1 unless word.empty?
      end
    end
  end
end
ranked = counts.sort_by { |word, n| [-n, word] }
File.open('/counts.txt', 'w') { |io| ranked.each { |word, n| io.puts "#{n} #{word}" } }
puts "#{counts.size} distinct words, #{File.size('/counts.txt')} bytes in /counts.txt"
ranked.first(top).each { |word, n| puts format('%-10s %3d', word, n) }
