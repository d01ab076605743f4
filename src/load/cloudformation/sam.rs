//! The SAM transform (`Transform: AWS::Serverless-2016-10-31`), basics only: each
//! `AWS::Serverless::*` resource becomes the resource CloudFormation deploys for it, under the
//! same logical id, so the Lambda, API Gateway and DynamoDB policies judge it with no SAM
//! shape of their own. `Globals` apply under each resource's own properties.

use super::Val;
use std::collections::BTreeMap;

type Props = BTreeMap<String, Val>;

/// The resources a resource stands for, as (logical id, type, properties): itself, unless it
/// is one of the SAM types read here (`AWS::Serverless::StateMachine`, `LayerVersion`... keep
/// their own type and are judged by no policy).
pub(super) fn expand(
    id: &str,
    kind: &str,
    props: Props,
    globals: &Props,
) -> Vec<(String, String, Props)> {
    let (section, target) = match kind {
        "AWS::Serverless::Function" => ("Function", "AWS::Lambda::Function"),
        // The stage carries what the policies judge (access logs, method settings, caching).
        "AWS::Serverless::Api" => ("Api", "AWS::ApiGateway::Stage"),
        "AWS::Serverless::HttpApi" => ("HttpApi", "AWS::ApiGatewayV2::Stage"),
        "AWS::Serverless::SimpleTable" => ("SimpleTable", "AWS::DynamoDB::Table"),
        _ => return vec![(id.to_string(), kind.to_string(), props)],
    };
    let mut props = match globals.get(section) {
        Some(Val::Object(g)) => merge(g.clone(), props),
        _ => props,
    };
    let mut out = Vec::new();
    if kind == "AWS::Serverless::Function" {
        // `FunctionUrlConfig` deploys an `AWS::Lambda::Url` named `<id>Url`.
        if let Some(url) = props.remove("FunctionUrlConfig") {
            let url = match url {
                Val::Object(m) => m,
                other => BTreeMap::from([("AuthType".to_string(), other)]),
            };
            out.push((format!("{id}Url"), "AWS::Lambda::Url".to_string(), url));
        }
        if let Some(dlq) = props.remove("DeadLetterQueue") {
            props.insert("DeadLetterConfig".into(), dlq);
        }
    }
    out.insert(0, (id.to_string(), target.to_string(), props));
    out
}

/// `over` on top of `base`: maps merge key by key, anything else is replaced.
fn merge(mut base: Props, over: Props) -> Props {
    for (k, v) in over {
        let merged = match (base.remove(&k), v) {
            (Some(Val::Object(b)), Val::Object(o)) => Val::Object(merge(b, o)),
            (_, v) => v,
        };
        base.insert(k, merged);
    }
    base
}
