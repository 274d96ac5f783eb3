package assistant

// Error codes. Only the HTTP edge maps them to statuses.
const (
	ECodeInvalid     = "invalid"     // a value is malformed, of the wrong type or out of range
	ECodeUnsupported = "unsupported" // a value is well formed but not one we handle
	ECodeTooLarge    = "too_large"   // the input is bigger than allowed
	ECodeBadMethod   = "bad_method"  // the HTTP method is not allowed
	ECodeBadMedia    = "bad_media"   // the content type is not JSON
	ECodeNotFound    = "not_found"   // no such resource
	ECodeInternal    = "internal"    // our fault; the message says nothing more
)

// Error is an error a user can act on: a code, a message in plain words and
// the input field at fault ("facts.claim"), if any.
type Error struct {
	Code    string
	Message string
	Field   string
}

func (e *Error) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// Errorf builds an Error for a field.
func Errorf(code, field, message string) *Error {
	return &Error{Code: code, Message: message, Field: field}
}
