// `@artos/model/presets`: the names and inputs of the four example configurations, without the
// spec's schema (zod) or YAML parser: a command that only lists them in its --help (every
// `--preset` option does) starts ~0.15 s sooner than with the main entry.
export { preset, isPresetName, PRESET_NAMES, PLACEHOLDER_BASTION_SECURITY_GROUP_ID, type PresetName } from './private/presets.js';
export { FlowLogTrafficType, type NetworkSpecInput, type FlowLogSettingsInput, type OutsideRange, type OutsideRangeVia } from './private/spec-types.js';
