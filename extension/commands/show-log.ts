import type { ExtensionCommand } from '../services';

export const showLog: ExtensionCommand = {
  id: 'atropos.showLog',
  run(s) {
    s.log.show(true);
  },
};
