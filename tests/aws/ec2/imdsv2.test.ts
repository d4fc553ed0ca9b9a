import { stackCases, stackGarbage, stackNotApplicable, stackPasses, stackUndecided, stackViolates } from "../../cases";
import { ec2Instance, ec2InstanceOutputs, ec2LaunchConfiguration, ec2LaunchConfigurationOutputs, ec2LaunchTemplate, ec2LaunchTemplateOutputs, NET, res } from "../../factories";
import { secret, unknown } from "../../../tools/lib/analyzer-client";

const field = "metadataOptions.httpTokens";
const vm = (props: Record<string, unknown>) => res(NET.instance, "app", { ...ec2Instance().props, ...props });
const lt = (props: Record<string, unknown>) => res(NET.launchTemplate, "app", { ...ec2LaunchTemplate().props, ...props });
const lc = (props: Record<string, unknown>) => res(NET.launchConfiguration, "app", { ...ec2LaunchConfiguration().props, ...props });
const account = (httpTokens: unknown) => res(NET.metadataDefaults, "account", { httpTokens, httpPutResponseHopLimit: 2 });

stackCases("aws-ec2-imdsv2", [
    stackPasses([vm({}), lt({}), lc({})]),
    stackViolates([vm({ metadataOptions: { httpTokens: "optional" } })], [{ on: "app", code: "notAllowed", field }]),
    stackViolates([lt({ metadataOptions: { httpTokens: "optional" } })], [{ on: "app", code: "notAllowed", field }]),
    stackViolates([lc({ metadataOptions: { httpTokens: "optional" } })], [{ on: "app", code: "notAllowed", field }]),
    // No type-definition default: an omitted value leaves IMDSv1 on unless the account requires v2.
    stackViolates([vm({ metadataOptions: undefined })], [{ on: "app", code: "absentDefault", field }]),
    stackViolates([lt({ metadataOptions: { httpPutResponseHopLimit: 2 } })], [{ on: "app", code: "absentDefault", field }]),
    stackViolates([vm({ metadataOptions: undefined }), account("no-preference")], [{ on: "app", code: "absentDefault", field }]),
    stackPasses([vm({ metadataOptions: undefined }), account("required")]),
    stackPasses([lt({ metadataOptions: undefined }), account("REQUIRED")]),
    // An explicit value wins over the account default.
    stackViolates([vm({ metadataOptions: { httpTokens: "optional" } }), account("required")], [{ on: "app", code: "notAllowed", field }]),
    stackPasses([vm({ metadataOptions: { httpEndpoint: "disabled" } })]),
    // An instance from a launch template takes the template's options; the template is checked itself.
    stackNotApplicable([vm({ metadataOptions: undefined, launchTemplate: { id: unknown } })], /launch template/),
    stackViolates([vm({ metadataOptions: { httpTokens: "optional" }, launchTemplate: { id: unknown } })], [{ on: "app", code: "notAllowed", field }]),
    stackUndecided([vm({ metadataOptions: undefined }), account(unknown)], [{ on: "app", fields: "InstanceMetadataDefaults.httpTokens" }]),
    stackUndecided([vm({ metadataOptions: { httpTokens: unknown } })], [{ on: "app", fields: field }]),
    stackUndecided([vm({ metadataOptions: unknown })], [{ on: "app", fields: "metadataOptions" }]),
    stackViolates([vm({ metadataOptions: { httpTokens: "SECRET-v1" } })], [{ on: "app", code: "unrecognised", field }]),
    stackViolates([vm({ metadataOptions: "required" })], [{ on: "app", code: "wrongType", field: "metadataOptions" }]),
    stackNotApplicable([account("required")], /has no resource of type/),
    // Outputs: the instance's options as AWS reports them; a template's unset string is "".
    stackPasses([ec2InstanceOutputs(), ec2LaunchTemplateOutputs(), ec2LaunchConfigurationOutputs()]),
    stackViolates([ec2InstanceOutputs({ metadataOptions: { ...(ec2InstanceOutputs().props.metadataOptions as object), httpTokens: "optional" } })], [{ on: "app", code: "notAllowed", field }]),
    stackViolates([ec2LaunchTemplateOutputs({ metadataOptions: [{ httpEndpoint: "", httpTokens: "" }] })], [{ on: "app", code: "absentDefault", field }]),
    stackGarbage([vm({ metadataOptions: { httpTokens: secret("SECRET"), httpEndpoint: { SECRET: 1 } } }), account(secret("SECRET"))]),
    stackGarbage([lt({ metadataOptions: [7] }), res(NET.metadataDefaults, "account", { httpTokens: ["SECRET"] })]),
]);
