package dev.bedrocksetup.aws;

import dev.bedrocksetup.core.Trace;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * With {@code -Dbedrock.trace}: a mark when each AWS call is sent and when its answer arrives, so a trace shows which
 * calls wait on each other (docs/performance.md). Added to a client only when tracing is on.
 */
final class CallTrace implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Trace.mark("sent: " + name(attributes));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        Trace.mark("answered: " + name(attributes));
    }

    private static String name(ExecutionAttributes a) {
        return a.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "." + a.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    }
}
