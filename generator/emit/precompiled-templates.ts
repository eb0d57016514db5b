/**
 * The templates, precompiled. Run from the source tree this is empty, and templates.ts compiles `templates/` on
 * first use; in the CLI bundle, scripts/bundle.mjs replaces this module with every template precompiled by
 * Handlebars and Handlebars' runtime, so that a run neither loads the Handlebars compiler nor compiles.
 */
import type Handlebars from 'handlebars';

export interface PrecompiledTemplates {
  /** `handlebars/runtime`: `create()`, `template(spec)` and `registerPartial`, without the compiler. */
  runtime: typeof Handlebars;
  /** Per template folder (`web`, `shared`), per template file (`index.ts.hbs`): what `Handlebars.precompile` made of it. */
  targets: Record<string, Record<string, TemplateSpecification>>;
  /** Per target folder, its static files (not `.hbs`) as text. */
  statics: Record<string, Record<string, string>>;
}

export const precompiledTemplates: PrecompiledTemplates | undefined = undefined;
