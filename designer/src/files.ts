// Downloads a bot.json from the browser.
import type { Bot } from './model/bot';

export function downloadBot(bot: Bot, fileName = `${bot.name}.bot.json`) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([JSON.stringify(bot, null, 2)], { type: 'application/json' }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
