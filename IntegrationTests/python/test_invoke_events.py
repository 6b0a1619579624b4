"""`emulate invoke F --event TYPE`: a sample event of each type AWS's sources send, filled from the
function's own event of that type (fixtures/events.yml), read by aws-lambda-powertools' event models as a
handler would read it; the function receives exactly the event printed."""
import base64
import gzip
import hashlib
import json
import os
import subprocess

import pytest
from aws_lambda_powertools.utilities.parser import models, parse

from emulator import BINARY, FIXTURES, ROOT

CONFIG = os.path.join(FIXTURES, "events.yml")


def invoke(event_type, function="echo", data=None):
    args = [BINARY, "invoke", function, CONFIG, "--in-memory", "--event", event_type] + (["--data", data] if data is not None else [])
    answer = subprocess.run(args, capture_output=True, text=True, timeout=120)
    return answer


def sent(event_type, function="echo", data=None):
    """The event printed and the one the echo handler received (they must be the same)."""
    answer = invoke(event_type, function, data)
    assert answer.returncode == 0, answer.stderr
    marker = f"emulate invoke: the {event_type} event sent to {function}:\n"
    printed = json.loads(answer.stderr.split(marker, 1)[1].split("\n", 1)[0])
    received = json.loads(json.loads(answer.stdout)["body"])
    assert received == printed
    return printed


def test_s3_names_the_declared_bucket_event_and_key_rules():
    event = parse(event=sent("s3"), model=models.S3Model)
    record = event.Records[0]
    assert (record.s3.bucket.name, record.eventName, record.s3.object.key) == ("photos", "ObjectRemoved:Delete", "uploads/sample.jpg")
    created = parse(event=sent("s3", function="plain"), model=models.S3Model).Records[0]
    assert created.eventName == "ObjectCreated:Put" and created.s3.object.size == 13
    assert created.s3.bucket.name == "events-fixture-dev-sample-bucket"


def test_sqs_is_a_batch_from_the_declared_fifo_queue_with_the_message_given():
    event = parse(event=sent("sqs", data='{"order":7}'), model=models.SqsModel)
    record = event.Records[0]
    assert str(record.eventSourceARN) == "arn:aws:sqs:us-east-1:000000000000:orders.fifo"
    assert record.body == '{"order":7}' and record.md5OfBody == hashlib.md5(b'{"order":7}').hexdigest()
    assert record.attributes.MessageGroupId == "1" and record.attributes.ApproximateReceiveCount == "1"


def test_sns_names_the_declared_topic():
    record = parse(event=sent("sns", data="hello"), model=models.SnsModel).Records[0]
    assert record.Sns.TopicArn == "arn:aws:sns:us-east-1:000000000000:alerts" and record.Sns.Message == "hello"


def test_streams_come_from_the_declared_table_or_kinesis_stream():
    dynamodb = parse(event=sent("dynamodb"), model=models.DynamoDBStreamModel).Records[0]
    assert dynamodb.eventSourceARN.startswith("arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/")
    assert dynamodb.dynamodb.NewImage == {"Message": "New item!", "Id": 101}
    # `stream` is the first stream event the function declares.
    assert sent("stream")["Records"][0]["eventSource"] == "aws:dynamodb"
    kinesis = parse(event=sent("kinesis", data="click"), model=models.KinesisDataStreamModel).Records[0]
    assert kinesis.eventSourceARN == "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks"
    assert kinesis.kinesis.data == b"click"


def test_eventbridge_takes_the_pattern_and_data_as_the_detail():
    event = parse(event=sent("eventBridge"), model=models.EventBridgeModel)
    assert (event.source, event.detail_type, event.detail) == ("orders.service", "OrderPlaced", {"state": "placed"})
    given = parse(event=sent("eventBridge", data='{"id":1}'), model=models.EventBridgeModel)
    assert given.detail == {"id": 1}
    refused = invoke("eventBridge", data="[1]")
    assert refused.returncode == 1 and "is its detail, a JSON object" in refused.stderr


def test_cloudwatch_logs_are_gzipped_as_aws_delivers_them():
    raw = sent("cloudwatchLog", data="ERROR boom")
    decoded = json.loads(gzip.decompress(base64.b64decode(raw["awslogs"]["data"])))
    assert decoded["logGroup"] == "/aws/lambda/other" and decoded["logEvents"][0]["message"] == "ERROR boom"
    event = parse(event=raw, model=models.CloudWatchLogsModel)
    assert event.awslogs.decoded_data.logEvents[0].message == "ERROR boom"


def test_alb_websocket_and_kafka_follow_their_declarations():
    alb = parse(event=sent("alb", data="x"), model=models.AlbModel)
    assert (alb.httpMethod, alb.path, alb.body) == ("PUT", "/alb", "x")
    socket = parse(event=sent("websocket", data='{"action":"sendMessage"}'), model=models.APIGatewayWebSocketMessageEventModel)
    assert socket.request_context.route_key == "sendMessage" and socket.body == '{"action":"sendMessage"}'
    connect = parse(event=sent("websocket", function="plain"), model=models.APIGatewayWebSocketConnectEventModel)
    assert connect.request_context.event_type == "CONNECT"
    msk = parse(event=sent("msk", data="v"), model=models.KafkaMskEventModel)
    assert msk.eventSourceArn == "arn:aws:kafka:us-east-1:123456789012:cluster/orders/abc-1"
    record = msk.records["orders-0"][0]
    assert record.value == "v" and record.headers == [{"headerKey": b"headerValue"}]
    kafka = parse(event=sent("kafka"), model=models.KafkaSelfManagedEventModel)
    assert kafka.bootstrapServers == ["kafka-1:9092", "kafka-2:9092"] and list(kafka.records) == ["clicks-0"]


def test_http_and_http_api_events_are_the_gateways_own_for_the_declared_route():
    rest = parse(event=sent("http", data='{"n":1}'), model=models.APIGatewayProxyEventModel)
    assert (rest.httpMethod, rest.resource, rest.path, rest.pathParameters, rest.body) == ("POST", "/orders/{id}", "/orders/id", {"id": "id"}, '{"n":1}')
    assert rest.requestContext.path == "/dev/orders/id" and rest.requestContext.stage == "dev"
    http = parse(event=sent("httpApi"), model=models.APIGatewayProxyEventV2Model)
    assert (http.routeKey, http.rawPath, http.pathParameters) == ("GET /items/{proxy+}", "/items/proxy/path", {"proxy": "proxy/path"})
    missing = invoke("http", function="plain")
    assert missing.returncode == 1 and "function 'plain' has no http event" in missing.stderr


def test_schedule_sends_what_the_rule_gives_its_target():
    assert sent("schedule") == {"job": "nightly"}
    scheduled = parse(event=sent("schedule", function="plain"), model=models.EventBridgeModel)
    assert scheduled.detail_type == "Scheduled Event" and scheduled.source == "aws.events"
    assert scheduled.resources == ["arn:aws:events:us-east-1:000000000000:rule/events-fixture-dev-sample-schedule"]


@pytest.mark.parametrize("event_type, message", [
    ("iot", "there is no sample 'iot' event; samples: http, httpApi, s3"),
    ("cognitoUserPool", "cognitoUserPool triggers are run by the service's pools"),
])
def test_a_type_without_a_sample_says_what_to_do(event_type, message):
    answer = invoke(event_type)
    assert answer.returncode == 1 and message in answer.stderr, answer.stderr


def test_a_failed_invocation_prints_lambdas_error_payload_once():
    answer = subprocess.run([BINARY, "invoke", "signupUser", "--in-memory", "--data", '"not an object"'], capture_output=True, text=True,
                            timeout=120, cwd=ROOT)
    assert answer.returncode == 1
    payload = json.loads(answer.stdout)
    assert payload["errorType"] == "DecodingError", answer.stdout
    assert answer.stderr.count("Invoke Error") == 1, answer.stderr
    not_json = subprocess.run([BINARY, "invoke", "echo", CONFIG, "--in-memory", "--data", "{bad"], capture_output=True, text=True, timeout=60)
    assert not_json.returncode == 1 and "Could not parse request body into json" in not_json.stderr
