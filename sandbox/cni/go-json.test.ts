import { expect, it } from "vitest";
import { goJsonSyntaxError } from "./go-json";

it("words the first syntax error as Go's encoding/json does", () => {
  expect(goJsonSyntaxError('{"a":[1,2],"b":{"c":null}}')).toBeUndefined();
  expect(goJsonSyntaxError('{"a":1')).toBe("unexpected end of JSON input");
  expect(goJsonSyntaxError("")).toBe("unexpected end of JSON input");
  expect(goJsonSyntaxError('{"a":1,}')).toBe("invalid character '}' looking for beginning of object key string");
  expect(goJsonSyntaxError('{"a" 1}')).toBe("invalid character '1' after object key");
  expect(goJsonSyntaxError('{"a":1 "b":2}')).toBe("invalid character '\"' after object key:value pair");
  expect(goJsonSyntaxError("[1 2]")).toBe("invalid character '2' after array element");
  expect(goJsonSyntaxError("{} x")).toBe("invalid character 'x' after top-level value");
  expect(goJsonSyntaxError("nul")).toBe("unexpected end of JSON input");
  expect(goJsonSyntaxError("tru e")).toBe("invalid character ' ' in literal true (expecting 'e')");
});
