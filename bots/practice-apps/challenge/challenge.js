// The input-forms challenge: 10 rounds of the same 7 labelled fields. After every submit the fields are shuffled
// (DOM order and grid placement) and get new random ids and names, so only the labels identify them.
// Values are compared trimmed and exact against the row of the round (from data.json, the same data as data.xlsx / data.csv).
(() => {
  'use strict';

  const ROUNDS = 10;
  const startButton = document.getElementById('start');
  const form = document.getElementById('challenge-form');
  const fields = document.getElementById('fields');
  const roundLabel = document.getElementById('round');
  const result = document.getElementById('result');
  const mistakes = document.getElementById('mistakes');
  const mistakeList = document.getElementById('mistake-list');

  let rows = [];
  let round = 0;
  let correct = 0;
  let startedAt = 0;
  let running = false;
  const missed = [];

  const randomId = () => 'f' + Math.random().toString(36).slice(2, 9);

  function shuffle() {
    const boxes = Array.from(fields.children);
    for (let i = boxes.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [boxes[i], boxes[j]] = [boxes[j], boxes[i]];
    }
    // A new layout each time: 2 or 3 columns, and now and then a field spanning a whole row.
    const columns = 2 + Math.floor(Math.random() * 2);
    fields.style.gridTemplateColumns = `repeat(${columns}, minmax(0, 1fr))`;
    const wide = Math.floor(Math.random() * boxes.length);
    boxes.forEach((box, index) => {
      const label = box.querySelector('label');
      const input = box.querySelector('input');
      const id = randomId();
      input.id = id;
      input.name = id;
      input.value = '';
      label.htmlFor = id;
      box.style.gridColumn = index === wide ? '1 / -1' : '';
      fields.appendChild(box);
    });
  }

  function showRound() {
    roundLabel.textContent = `Round ${round + 1} of ${ROUNDS}`;
  }

  function start() {
    round = 0;
    correct = 0;
    missed.length = 0;
    result.hidden = true;
    result.textContent = '';
    mistakes.hidden = true;
    mistakeList.replaceChildren();
    shuffle();
    form.hidden = false;
    running = true;
    showRound();
    startedAt = performance.now();
    fields.querySelector('input').focus();
  }

  function submit(event) {
    event.preventDefault();
    if (!running) return;
    const expected = rows[round];
    for (const box of fields.children) {
      const column = box.querySelector('label').textContent.trim();
      const given = box.querySelector('input').value.trim();
      const wanted = String(expected[column] ?? '').trim();
      if (given === wanted) correct++;
      else missed.push(`Round ${round + 1}, ${column}: expected "${wanted}", got "${given}"`);
    }
    round++;
    if (round < ROUNDS) {
      shuffle();
      showRound();
      fields.querySelector('input').focus();
      return;
    }
    finish();
  }

  function finish() {
    const elapsed = Math.round(performance.now() - startedAt);
    running = false;
    form.hidden = true;
    roundLabel.textContent = 'Done';
    const total = ROUNDS * fields.children.length;
    result.textContent = `Congratulations! You completed the challenge: ${correct} out of ${total} fields correct in ${elapsed} milliseconds.`;
    result.dataset.correct = String(correct);
    result.dataset.total = String(total);
    result.dataset.milliseconds = String(elapsed);
    result.hidden = false;
    if (missed.length > 0) {
      mistakeList.replaceChildren(...missed.map(text => Object.assign(document.createElement('li'), { textContent: text })));
      mistakes.hidden = false;
    }
  }

  startButton.addEventListener('click', start);
  form.addEventListener('submit', submit);
  shuffle();

  fetch('data.json', { cache: 'no-store' })
    .then(response => {
      if (!response.ok) throw new Error(`data.json: HTTP ${response.status}`);
      return response.json();
    })
    .then(data => {
      rows = data;
      startButton.disabled = false;
    })
    .catch(error => {
      roundLabel.textContent = `The challenge data could not be loaded (${error.message}).`;
    });
})();
