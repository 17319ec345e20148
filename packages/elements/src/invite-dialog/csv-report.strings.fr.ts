/** The French strings of the CSV report, loaded the first time a French dialog reads a file. */
import { plural } from '../shared/i18n.js';
import type { CsvReportStrings } from './csv-report.strings.js';

const fr: CsvReportStrings = {
  csvSummary: (lang, file, rows, counts) =>
    `${file} : ${plural(lang, rows, { one: '# ligne', other: '# lignes' })}` +
    (counts.length ? ` : ${counts.join(', ')}.` : '.'),
  csvInvited: (lang, rows) => plural(lang, rows, { one: '# sera invitée', other: '# seront invitées' }),
  csvUnchecked: (lang, rows) => plural(lang, rows, { one: '# pas encore vérifiée', other: '# pas encore vérifiées' }),
  csvSkipped: (lang, rows) => plural(lang, rows, { one: '# ignorée', other: '# ignorées' }),
  csvDuplicates: (lang, rows) =>
    plural(lang, rows, { one: '# en double d’une ligne précédente', other: '# en double de lignes précédentes' }),
  csvEmpty: (lang, rows) => plural(lang, rows, { one: '# sans adresse e-mail', other: '# sans adresse e-mail' }),
  csvWereInvited: (lang, rows) => plural(lang, rows, { one: '# invitée', other: '# invitées' }),
  csvRefused: (lang, rows) =>
    plural(lang, rows, { one: '# ignorée par le serveur', other: '# ignorées par le serveur' }),
  csvLeftOut: (lang, rows) => plural(lang, rows, { one: '# ignorée avant l’envoi', other: '# ignorées avant l’envoi' }),
  csvRowsLabel: (file) => `Lignes de ${file} qui ne seront pas invitées`,
  csvRowsNotInvitedLabel: (file) => `Lignes de ${file} qui n’ont pas été invitées`,
  csvRow: (row) => `Ligne ${String(row)}`,
  csvMalformed: 'adresse mal formée, non ajoutée',
  csvOverLimit: (max) => `au-delà de la limite de ${String(max)} adresses par envoi, non ajoutée`,
  csvRemoved: 'retirée de la liste',
  csvDuplicateOf: (row) => `en double de la ligne ${String(row)}`,
  csvNoAddress: 'aucune adresse e-mail',
  csvNamesIgnored: (column) =>
    `La colonne « ${column} » n’est pas utilisée : une invitation ne porte que l’adresse et le rôle, et chacun donne son nom en acceptant.`,
  csvTooManyRows: (max) =>
    `Ce fichier compte plus de ${String(max)} lignes. Découpez-le en fichiers de ${String(max)} lignes au plus et importez-les un par un.`,
  csvUnreadable:
    'Le fichier n’a pas pu être lu : il a peut-être été déplacé ou modifié depuis que vous l’avez choisi. Rien n’a été ajouté à la liste. Choisissez-le à nouveau.',
};

export default fr;
