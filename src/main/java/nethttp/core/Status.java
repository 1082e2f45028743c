package nethttp.core;

import nethttp.annotations.Mirrors;

/**
 * HTTP status codes as registered with IANA, with the reason phrases Go sends.
 */
@Mirrors(file = "net/http/status.go", func = "StatusText")
public final class Status {
    private Status() {}

    public static final int CONTINUE = 100;
    public static final int SWITCHING_PROTOCOLS = 101;
    public static final int PROCESSING = 102;
    public static final int EARLY_HINTS = 103;
    public static final int OK = 200;
    public static final int CREATED = 201;
    public static final int ACCEPTED = 202;
    public static final int NON_AUTHORITATIVE_INFO = 203;
    public static final int NO_CONTENT = 204;
    public static final int RESET_CONTENT = 205;
    public static final int PARTIAL_CONTENT = 206;
    public static final int MULTI_STATUS = 207;
    public static final int ALREADY_REPORTED = 208;
    public static final int IM_USED = 226;
    public static final int MULTIPLE_CHOICES = 300;
    public static final int MOVED_PERMANENTLY = 301;
    public static final int FOUND = 302;
    public static final int SEE_OTHER = 303;
    public static final int NOT_MODIFIED = 304;
    public static final int USE_PROXY = 305;
    public static final int TEMPORARY_REDIRECT = 307;
    public static final int PERMANENT_REDIRECT = 308;
    public static final int BAD_REQUEST = 400;
    public static final int UNAUTHORIZED = 401;
    public static final int PAYMENT_REQUIRED = 402;
    public static final int FORBIDDEN = 403;
    public static final int NOT_FOUND = 404;
    public static final int METHOD_NOT_ALLOWED = 405;
    public static final int NOT_ACCEPTABLE = 406;
    public static final int PROXY_AUTH_REQUIRED = 407;
    public static final int REQUEST_TIMEOUT = 408;
    public static final int CONFLICT = 409;
    public static final int GONE = 410;
    public static final int LENGTH_REQUIRED = 411;
    public static final int PRECONDITION_FAILED = 412;
    public static final int REQUEST_ENTITY_TOO_LARGE = 413;
    public static final int REQUEST_URI_TOO_LONG = 414;
    public static final int UNSUPPORTED_MEDIA_TYPE = 415;
    public static final int REQUESTED_RANGE_NOT_SATISFIABLE = 416;
    public static final int EXPECTATION_FAILED = 417;
    public static final int TEAPOT = 418;
    public static final int MISDIRECTED_REQUEST = 421;
    public static final int UNPROCESSABLE_ENTITY = 422;
    public static final int LOCKED = 423;
    public static final int FAILED_DEPENDENCY = 424;
    public static final int TOO_EARLY = 425;
    public static final int UPGRADE_REQUIRED = 426;
    public static final int PRECONDITION_REQUIRED = 428;
    public static final int TOO_MANY_REQUESTS = 429;
    public static final int REQUEST_HEADER_FIELDS_TOO_LARGE = 431;
    public static final int UNAVAILABLE_FOR_LEGAL_REASONS = 451;
    public static final int INTERNAL_SERVER_ERROR = 500;
    public static final int NOT_IMPLEMENTED = 501;
    public static final int BAD_GATEWAY = 502;
    public static final int SERVICE_UNAVAILABLE = 503;
    public static final int GATEWAY_TIMEOUT = 504;
    public static final int HTTP_VERSION_NOT_SUPPORTED = 505;
    public static final int VARIANT_ALSO_NEGOTIATES = 506;
    public static final int INSUFFICIENT_STORAGE = 507;
    public static final int LOOP_DETECTED = 508;
    public static final int NOT_EXTENDED = 510;
    public static final int NETWORK_AUTHENTICATION_REQUIRED = 511;

    /** The reason phrase for a code, or {@code ""} for a code Go does not know. */
    public static String text(int code) {
        return switch (code) {
            case CONTINUE -> "Continue";
            case SWITCHING_PROTOCOLS -> "Switching Protocols";
            case PROCESSING -> "Processing";
            case EARLY_HINTS -> "Early Hints";
            case OK -> "OK";
            case CREATED -> "Created";
            case ACCEPTED -> "Accepted";
            case NON_AUTHORITATIVE_INFO -> "Non-Authoritative Information";
            case NO_CONTENT -> "No Content";
            case RESET_CONTENT -> "Reset Content";
            case PARTIAL_CONTENT -> "Partial Content";
            case MULTI_STATUS -> "Multi-Status";
            case ALREADY_REPORTED -> "Already Reported";
            case IM_USED -> "IM Used";
            case MULTIPLE_CHOICES -> "Multiple Choices";
            case MOVED_PERMANENTLY -> "Moved Permanently";
            case FOUND -> "Found";
            case SEE_OTHER -> "See Other";
            case NOT_MODIFIED -> "Not Modified";
            case USE_PROXY -> "Use Proxy";
            case TEMPORARY_REDIRECT -> "Temporary Redirect";
            case PERMANENT_REDIRECT -> "Permanent Redirect";
            case BAD_REQUEST -> "Bad Request";
            case UNAUTHORIZED -> "Unauthorized";
            case PAYMENT_REQUIRED -> "Payment Required";
            case FORBIDDEN -> "Forbidden";
            case NOT_FOUND -> "Not Found";
            case METHOD_NOT_ALLOWED -> "Method Not Allowed";
            case NOT_ACCEPTABLE -> "Not Acceptable";
            case PROXY_AUTH_REQUIRED -> "Proxy Authentication Required";
            case REQUEST_TIMEOUT -> "Request Timeout";
            case CONFLICT -> "Conflict";
            case GONE -> "Gone";
            case LENGTH_REQUIRED -> "Length Required";
            case PRECONDITION_FAILED -> "Precondition Failed";
            case REQUEST_ENTITY_TOO_LARGE -> "Request Entity Too Large";
            case REQUEST_URI_TOO_LONG -> "Request URI Too Long";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Media Type";
            case REQUESTED_RANGE_NOT_SATISFIABLE -> "Requested Range Not Satisfiable";
            case EXPECTATION_FAILED -> "Expectation Failed";
            case TEAPOT -> "I'm a teapot";
            case MISDIRECTED_REQUEST -> "Misdirected Request";
            case UNPROCESSABLE_ENTITY -> "Unprocessable Entity";
            case LOCKED -> "Locked";
            case FAILED_DEPENDENCY -> "Failed Dependency";
            case TOO_EARLY -> "Too Early";
            case UPGRADE_REQUIRED -> "Upgrade Required";
            case PRECONDITION_REQUIRED -> "Precondition Required";
            case TOO_MANY_REQUESTS -> "Too Many Requests";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "Request Header Fields Too Large";
            case UNAVAILABLE_FOR_LEGAL_REASONS -> "Unavailable For Legal Reasons";
            case INTERNAL_SERVER_ERROR -> "Internal Server Error";
            case NOT_IMPLEMENTED -> "Not Implemented";
            case BAD_GATEWAY -> "Bad Gateway";
            case SERVICE_UNAVAILABLE -> "Service Unavailable";
            case GATEWAY_TIMEOUT -> "Gateway Timeout";
            case HTTP_VERSION_NOT_SUPPORTED -> "HTTP Version Not Supported";
            case VARIANT_ALSO_NEGOTIATES -> "Variant Also Negotiates";
            case INSUFFICIENT_STORAGE -> "Insufficient Storage";
            case LOOP_DETECTED -> "Loop Detected";
            case NOT_EXTENDED -> "Not Extended";
            case NETWORK_AUTHENTICATION_REQUIRED -> "Network Authentication Required";
            default -> "";
        };
    }
}
