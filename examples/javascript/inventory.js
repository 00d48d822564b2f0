// SPDX-License-Identifier: MIT
// Reads the stock list, totals it with a module from /modules, writes a
// report file, and prints it after a short timer.
var stock = require('stock');
var items = JSON.parse(fs.readFile('/data/stock.json'));
var report = stock.summary(items);
fs.writeFile('/report.json', JSON.stringify(report, null, 2));
print('wrote /report.json,', fs.size('/report.json'), 'bytes');
setTimeout(function () {
  print(fs.readFile('/report.json'));
  console.log('low on stock:', report.low.join(', ') || 'nothing');
}, 100);
