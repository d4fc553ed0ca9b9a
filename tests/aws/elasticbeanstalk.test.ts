import { stackCases, stackGarbage, stackMisconfigured, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../cases";
import { ebEnvironmentOf, ebEnvironmentOutputs, ebTemplateOf, managedUpdateSettings } from "../factories";
import { secret, unknown } from "../../tools/lib/analyzer-client";

const [enabled, startTime, level, health] = managedUpdateSettings;
const without = (...drop: object[]) => managedUpdateSettings.filter(s => !drop.includes(s));
const off = { ...enabled, value: "false" };
const template = ebTemplateOf("phi-saved");
const on = { templateName: [template] };

stackCases("aws-elasticbeanstalk-managed-updates", [
    stackPasses([ebEnvironmentOf("phi-portal")]),
    stackPasses([ebEnvironmentOutputs("phi-portal")]),
    stackPasses([ebEnvironmentOf("phi-portal", { settings: [{ ...enabled, value: true }, startTime, level] })]),
    stackPasses([ebEnvironmentOf("phi-portal", { settings: [{ ...enabled, namespace: "AWS:ElasticBeanstalk:ManagedActions", value: "TRUE" }, startTime, level] })]),
    stackViolates([ebEnvironmentOf("phi-portal", { settings: without(enabled) })], [{ on: "phi-portal", code: "absentDefault", field: "settings" }]),
    stackViolates([ebEnvironmentOf("phi-portal", { settings: undefined })], [{ on: "phi-portal", code: "absentDefault", field: "settings" }]),
    stackViolates([ebEnvironmentOf("phi-portal", { settings: [off, startTime, level] })], [{ on: "phi-portal", code: "notAllowed", field: "settings" }]),
    stackViolates([ebEnvironmentOf("phi-portal", { settings: [{ ...enabled, value: "yes" }] })], [{ on: "phi-portal", code: "unrecognised", field: "settings" }]),
    // State: allSettings records the effective value, .ebextensions included.
    stackViolates([ebEnvironmentOutputs("phi-portal", { settings: [], allSettings: [{ ...off, resource: "" }, { ...health, resource: "" }] })], [{ on: "phi-portal", code: "notAllowed" }]),
    stackPasses([ebEnvironmentOutputs("phi-portal", { settings: [] })]),
    // The saved configuration the environment is created from may set it; the environment's own setting wins.
    stackPasses([template, ebEnvironmentOf("phi-portal", { settings: [health], templateName: unknown }, on)]),
    stackPasses([template, ebEnvironmentOf("phi-portal", { settings: undefined, templateName: "phi-saved" })]),
    stackViolates([ebTemplateOf("phi-saved", { settings: [off] }), ebEnvironmentOf("phi-portal", { settings: [health], templateName: "phi-saved" })], [{ on: "phi-portal", code: "notAllowed" }]),
    stackPasses([ebTemplateOf("phi-saved", { settings: [off] }), ebEnvironmentOf("phi-portal", { templateName: "phi-saved" })]),
    stackViolates([ebTemplateOf("phi-saved", { settings: [health] }), ebEnvironmentOf("phi-portal", { settings: [health], templateName: "phi-saved" })], [{ on: "phi-portal", code: "absentDefault" }]),
    stackUndecided([ebEnvironmentOf("phi-portal", { settings: [health], templateName: "managed-elsewhere" })], [{ on: "phi-portal", fields: "templateName" }]),
    stackUndecided([ebEnvironmentOf("phi-portal", { settings: [health], templateName: unknown })], [{ on: "phi-portal", fields: "templateName" }]),
    stackUndecided([ebEnvironmentOf("phi-portal", { settings: unknown })], [{ on: "phi-portal", fields: "settings" }]),
    stackUndecided([ebEnvironmentOf("phi-portal", { settings: [{ ...enabled, value: unknown }] })], [{ on: "phi-portal", fields: "settings" }]),
    stackUndecided([ebEnvironmentOf("phi-portal", { settings: [unknown, health] })], [{ on: "phi-portal", fields: "settings" }]),
    // A known setting decides even beside an unknown one.
    stackViolates([ebEnvironmentOf("phi-portal", { settings: [unknown, off] })], [{ on: "phi-portal", code: "notAllowed" }]),
    stackViolates([ebEnvironmentOf("phi-portal", { settings: "ManagedActionsEnabled=true" })], [{ on: "phi-portal", code: "wrongType", field: "settings" }]),
    // The UpdateLevel knob (AWS Config's UpdateLevel parameter).
    stackPasses([ebEnvironmentOf("phi-portal")], { updateLevel: "minor" }),
    stackViolates([ebEnvironmentOf("phi-portal")], [{ on: "phi-portal", code: "notAllowed", field: "settings" }], { updateLevel: "patch" }),
    stackViolates([ebEnvironmentOf("phi-portal", { settings: without(level) })], [{ on: "phi-portal", code: "notSet" }], { updateLevel: "patch" }),
    stackViolates([ebEnvironmentOf("phi-portal", { settings: [enabled, { ...level, value: "major" }] })], [{ on: "phi-portal", code: "unrecognised" }], { updateLevel: "minor" }),
    stackPasses([ebEnvironmentOf("phi-portal", { settings: [enabled, { ...level, value: "major" }] })]),
    stackMisconfigured([ebEnvironmentOf("phi-portal")], { updateLevel: "major" }, "updateLevel"),
    stackNotApplicable([template], /only applies to resources of type 'aws:elasticbeanstalk\/environment:Environment'/),
    stackGarbage([ebEnvironmentOf("phi-portal", { settings: [{ namespace: secret("SECRET"), name: 7, value: { SECRET: 1 } }, null, "x"], templateName: 9 })]),
    stackGarbage([ebTemplateOf("phi-saved", { settings: secret("SECRET") }), ebEnvironmentOf("phi-portal", { settings: [{ ...enabled, value: secret("SECRET") }], templateName: "phi-saved" })]),
]);
