// SPDX-License-Identifier: MIT
// Totals a stock list: value per item, grand total, what runs low.
exports.summary = function (items) {
  var total = 0, low = [];
  items.forEach(function (it) {
    total += it.count * it.price;
    if (it.count < 5) low.push(it.name);
  });
  return { items: items.length, total: Math.round(total * 100) / 100, low: low };
};
