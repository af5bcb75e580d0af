package io.mnemograph.api.mcp;

import io.mnemograph.access.AccessDeniedException;
import io.mnemograph.api.graphql.LimitExceededException;
import io.mnemograph.memory.InvalidInputException;
import io.mnemograph.memory.NotFoundException;
import io.quarkiverse.mcp.server.ToolCallException;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * A bad input, a memory the key may not reach, a refused permission or a request past its limits becomes a tool error
 * (isError) with the same message GraphQL gives: MCP's own wrapping would prefix the exception's class name.
 */
@ToolErrors
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class ToolErrorsInterceptor {

    @AroundInvoke
    Object translate(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (InvalidInputException | NotFoundException | AccessDeniedException | LimitExceededException e) {
            throw new ToolCallException(e.getMessage());
        }
    }
}
