package dev.bedrocksetup.aws;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Words a call that never reached AWS in one sentence naming the host and the cause ("bedrock-runtime.invalid does
 * not resolve (DNS)"), instead of the SDK's four lines ("Received an UnknownHostException when attempting to interact
 * with a service. See cause for …"): every client gets this, so every message built from the exception is one
 * sentence. The exception stays an {@link SdkClientException} (the SDK insists on the type) with the original as its
 * cause; deadlines and AWS's own answers are left as they are. The SDK's own interceptor for unknown hosts runs after
 * this one and wraps that case in its four lines again: {@link AwsCallFailure#describe} words it from the cause.
 */
final class NetworkFailureWords implements ExecutionInterceptor {
    @Override
    public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
        Throwable e = context.exception();
        if (!(e instanceof SdkClientException) || e instanceof ApiCallTimeoutException
                || e instanceof ApiCallAttemptTimeoutException || context.httpRequest().isEmpty()) {
            return e;
        }
        SdkHttpRequest r = context.httpRequest().get();
        String said = AwsCallFailure.unreachable(e, r.host() + ":" + r.port());
        return said == null ? e : SdkClientException.builder().message(said).cause(e).build();
    }
}
