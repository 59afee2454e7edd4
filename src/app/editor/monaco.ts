/**
 * Loads Monaco lazily (after first paint): the editor API, the editor features we use, JSON with our grader
 * schema, and Python highlighting. Monaco's own workers are same-origin app workers; they never see grader
 * code run. Importing only what we use keeps Monaco's TypeScript/CSS/HTML services (~9 MB) out of the build.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/browser/widget/codeEditor/codeEditorWidget';
import 'monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/editor/contrib/comment/browser/comment';
import 'monaco-editor/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo';
import 'monaco-editor/editor/contrib/find/browser/findController';
import 'monaco-editor/editor/contrib/folding/browser/folding';
import 'monaco-editor/editor/contrib/format/browser/formatActions';
import 'monaco-editor/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/editor/contrib/indentation/browser/indentation';
import 'monaco-editor/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/editor/contrib/multicursor/browser/multicursor';
import 'monaco-editor/editor/contrib/smartSelect/browser/smartSelect';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter';
import 'monaco-editor/editor/contrib/wordOperations/browser/wordOperations';
import 'monaco-editor/editor/contrib/placeholderText/browser/placeholderText.contribution';
// The suggest widget imports the codicon font and its CSS.
// Services that contributions pulled in by Monaco's language-worker glue expect to exist.
import 'monaco-editor/editor/contrib/codelens/browser/codeLensCache';
import 'monaco-editor/editor/common/services/treeViewsDndService';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register';
import 'monaco-editor/languages/definitions/python/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { graderSchema, sampleSchema } from './grader-schema.ts';

(self as unknown as { MonacoEnvironment: monaco.Environment }).MonacoEnvironment = {
  getWorker(_id: string, label: string) {
    return label === 'json' ? new JsonWorker() : new EditorWorker();
  },
};

export const MODEL_URIS = {
  grader: 'inmemory://playground/grader.json',
  sample: 'inmemory://playground/sample.json',
  item: 'inmemory://playground/item.json',
} as const;

jsonDefaults.setDiagnosticsOptions({
  validate: true,
  allowComments: false,
  trailingCommas: 'error',
  schemaValidation: 'warning',
  enableSchemaRequest: false,
  schemas: [
    { uri: 'https://grader-playground.local/schemas/grader.json', fileMatch: [MODEL_URIS.grader], schema: graderSchema },
    { uri: 'https://grader-playground.local/schemas/sample.json', fileMatch: [MODEL_URIS.sample], schema: sampleSchema },
  ],
});

export { monaco };
