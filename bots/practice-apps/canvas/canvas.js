// Canvas Ledger: a practice app drawn only in pixels. A small invoice form (Vendor, Invoice No, Amount) with
// Save and Clear buttons and a list of saved invoices. Click a label or its box to focus a field, type, Tab to move,
// Enter to save. The state is on window.canvasLedger for tests that want to check what a bot entered.
(() => {
  const canvas = document.getElementById('ledger');
  const g = canvas.getContext('2d');
  const font = '"Liberation Sans", Arial, sans-serif';
  const fields = [
    { name: 'Vendor', value: '', y: 130 },
    { name: 'Invoice No', value: '', y: 190 },
    { name: 'Amount', value: '', y: 250 },
  ];
  const buttons = [
    { name: 'Save', x: 200, y: 310, w: 120, h: 40, action: save },
    { name: 'Clear', x: 340, y: 310, w: 120, h: 40, action: clear },
  ];
  const state = { focused: 0, status: 'Ready.', saved: [] };
  window.canvasLedger = state;

  const fieldBox = f => ({ x: 200, y: f.y - 26, w: 360, h: 38 });
  const labelBox = f => ({ x: 40, y: f.y - 26, w: 150, h: 38 });
  const inside = (p, b) => p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h;

  function save() {
    const [vendor, number, amount] = fields.map(f => f.value.trim());
    if (!vendor) { state.status = 'Vendor is required.'; return; }
    if (!/^\d+([.,]\d{1,2})?$/.test(amount)) { state.status = 'Amount must be a number such as 12.50.'; return; }
    state.saved.push({ vendor, invoiceNumber: number, amount: Number(amount.replace(',', '.')) });
    state.status = `Saved invoice ${state.saved.length}: ${vendor}`;
    clear(true);
  }

  function clear(keepStatus) {
    fields.forEach(f => { f.value = ''; });
    state.focused = 0;
    if (keepStatus !== true) state.status = 'Cleared.';
  }

  function draw() {
    g.fillStyle = '#eef0f3';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = '#ffffff';
    g.fillRect(20, 20, 860, 560);
    g.fillStyle = '#1c2b4a';
    g.font = `bold 28px ${font}`;
    g.fillText('Canvas Ledger', 40, 64);
    g.fillStyle = '#444';
    g.font = `16px ${font}`;
    g.fillText('Enter a supplier invoice. This screen is drawn in pixels only.', 40, 92);

    g.font = `18px ${font}`;
    fields.forEach((f, i) => {
      g.fillStyle = '#222';
      g.fillText(f.name, 40, f.y);
      const b = fieldBox(f);
      g.fillStyle = '#fafafa';
      g.fillRect(b.x, b.y, b.w, b.h);
      g.lineWidth = state.focused === i ? 3 : 1;
      g.strokeStyle = state.focused === i ? '#2f6fde' : '#888';
      g.strokeRect(b.x, b.y, b.w, b.h);
      g.fillStyle = '#111';
      g.fillText(f.value + (state.focused === i ? '|' : ''), b.x + 10, f.y);
    });

    buttons.forEach(b => {
      g.fillStyle = b.name === 'Save' ? '#cfe0ff' : '#e4e7ec';
      g.fillRect(b.x, b.y, b.w, b.h);
      g.lineWidth = 1;
      g.strokeStyle = b.name === 'Save' ? '#2f6fde' : '#888';
      g.strokeRect(b.x, b.y, b.w, b.h);
      g.fillStyle = b.name === 'Save' ? '#0b2a66' : '#222';
      g.font = `bold 18px ${font}`;
      const width = g.measureText(b.name).width;
      g.fillText(b.name, b.x + (b.w - width) / 2, b.y + 27);
    });

    g.fillStyle = '#0b5d1e';
    g.font = `18px ${font}`;
    g.fillText(state.status, 40, 400);

    g.fillStyle = '#222';
    g.font = `bold 18px ${font}`;
    g.fillText('Saved invoices', 40, 450);
    g.font = `16px ${font}`;
    state.saved.slice(-4).forEach((s, i) => {
      g.fillText(`${state.saved.length - Math.min(4, state.saved.length) + i + 1}. ${s.vendor}   ${s.invoiceNumber}   ${s.amount.toFixed(2)}`, 40, 480 + i * 24);
    });
  }

  canvas.addEventListener('mousedown', e => {
    const r = canvas.getBoundingClientRect();
    const p = { x: e.clientX - r.left, y: e.clientY - r.top };
    const field = fields.findIndex(f => inside(p, fieldBox(f)) || inside(p, labelBox(f)));
    if (field >= 0) state.focused = field;
    const button = buttons.find(b => inside(p, b));
    if (button) button.action();
    canvas.focus();
    e.preventDefault();
    draw();
  });

  canvas.addEventListener('keydown', e => {
    const f = fields[state.focused];
    if (e.key === 'Tab') { state.focused = (state.focused + (e.shiftKey ? fields.length - 1 : 1)) % fields.length; }
    else if (e.key === 'Enter') { save(); }
    else if (e.key === 'Backspace') { f.value = f.value.slice(0, -1); }
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && f.value.length < 30) { f.value += e.key; }
    else { return; }
    e.preventDefault();
    draw();
  });

  (document.fonts ? document.fonts.ready : Promise.resolve()).then(draw);
  draw();
  canvas.focus();
})();
