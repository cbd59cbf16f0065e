import { reloadAnswer } from '../src/answer/reload.js';
import { defineCommand } from '../src/commands/contract.js';

export default defineCommand({
  name: 'reload',
  description: 'Re-read the corpus folder and rebuild the index (Manage Server only)',
  options: [],
  permission: 'ManageGuild',
  run: async ({ reload }) => reloadAnswer(reload ? await reload('/reload') : null),
});
