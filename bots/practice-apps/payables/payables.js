// Accounts payable practice form: validates an invoice (numbers, net + tax = total, no duplicate vendor + number),
// lists saved invoices, and keeps them on window.payables for tests.
(() => {
  const form = document.getElementById('entry');
  const message = document.getElementById('message');
  const saved = [];
  window.payables = saved;

  const money = text => {
    const clean = String(text).trim().replace(/,/g, '');
    return /^\d+(\.\d{1,2})?$/.test(clean) ? Math.round(Number(clean) * 100) : null;
  };

  const show = (text, error) => {
    message.textContent = text;
    message.className = error ? 'error' : '';
  };

  form.addEventListener('submit', e => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form).entries());
    const [net, tax, total] = [data.net, data.tax, data.total].map(money);
    if (net === null || tax === null || total === null) return show('Net, tax and total must be amounts such as 1234.50.', true);
    if (net + tax !== total) return show(`Net + tax (${((net + tax) / 100).toFixed(2)}) does not equal the total (${(total / 100).toFixed(2)}).`, true);
    if (saved.some(s => s.vendor === data.vendor && s.number === data.number)) return show(`Invoice ${data.number} of ${data.vendor} is already entered.`, true);
    const entry = { vendor: data.vendor, number: data.number, date: data.date, currency: data.currency, net: net / 100, tax: tax / 100, total: total / 100 };
    saved.push(entry);
    const row = document.createElement('tr');
    [saved.length, entry.vendor, entry.number, entry.date, entry.currency, entry.net.toFixed(2), entry.tax.toFixed(2), entry.total.toFixed(2)].forEach((v, i) => {
      const cell = document.createElement('td');
      cell.textContent = v;
      if (i >= 5) cell.className = 'n';
      row.appendChild(cell);
    });
    document.getElementById('saved').appendChild(row);
    show(`Saved invoice ${saved.length}: ${entry.number}`, false);
    form.reset();
  });
})();
