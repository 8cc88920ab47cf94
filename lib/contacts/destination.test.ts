import { describe, expect, it } from 'vitest';
import { destinationProblem } from './destination';

describe('destinationProblem', () => {
  it('takes https anywhere, and http only on a listed host (any port) or host:port', () => {
    expect(destinationProblem('https://hooks.slack.com/services/x', [])).toBeNull();
    expect(destinationProblem('http://ntfy.lan/t', ['ntfy.lan'])).toBeNull();
    expect(destinationProblem('http://127.0.0.1:8080/t', ['127.0.0.1:8080'])).toBeNull();
    expect(destinationProblem('http://127.0.0.1:8081/t', ['127.0.0.1:8080'])).toMatch(/^must be https/);
    expect(destinationProblem('http://ntfy.lan:8080/t', ['ntfy.lan'])).toBeNull();
    expect(destinationProblem('http://NTFY.lan/t', ['ntfy.lan'])).toBeNull();
    expect(destinationProblem('http://10.0.0.5/t', [])).toMatch(/contactMethods\.allowHttpHosts/);
  });
});
