import { headline, type PageMessage } from '../message';

/**
 * A Teams workflow webhook body ("When a Teams webhook request is received", the successor of Office 365
 * connectors): a message whose one attachment is an Adaptive Card 1.4. Buttons open URLs only (a workflow
 * webhook has no callback), so Acknowledge is the signed link itself.
 */
export function teamsMessage(m: PageMessage) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            {
              type: 'TextBlock',
              text: headline(m),
              weight: 'Bolder',
              size: 'Medium',
              wrap: true,
              ...(m.kind === 'page' && m.severity === 'critical' ? { color: 'Attention' } : {}),
            },
            ...(m.text ? [{ type: 'TextBlock', text: m.text, wrap: true }] : []),
          ],
          actions: [
            ...(m.actions
              ? [{ type: 'Action.OpenUrl', title: 'Acknowledge', url: m.actions.acknowledgeUrl }]
              : []),
            { type: 'Action.OpenUrl', title: 'Open', url: m.openUrl },
          ],
        },
      },
    ],
  };
}
